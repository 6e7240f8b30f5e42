import ChannelKit
import Foundation

/// Reads the Messages API's answers: `201 {"sid": "SM…", "status": "queued", …}` on success, and
/// on failure `{"code": 21211, "message": "…", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}`.
enum TwilioSendResult {
    /// The longest part of Twilio's `message` kept in a failure's reason.
    static let maxReasonLength = 200

    /// The created message's SID; nil for a 2xx answer without one (the message was accepted,
    /// sending it again could double it).
    ///
    /// - Throws: ``SendFailure``: 429, 5xx and code 20429 retryable (after `Retry-After` when
    ///   given); any other error permanent, with Twilio's code as provider code.
    static func receipt(of response: ProviderResponse) throws(SendFailure) -> SendReceipt {
        let body = object(in: response.body)
        if (200..<300).contains(response.status) {
            guard case .string(let sid)? = body?["sid"], !sid.isEmpty else { return SendReceipt(providerMessageID: nil) }
            return SendReceipt(providerMessageID: sid)
        }
        throw failure(of: response, body: body)
    }

    static func failure(of response: ProviderResponse, body: [String: JSONValue]?) -> SendFailure {
        let code: Int? = if case .number(let number)? = body?["code"] { Int(exactly: number) } else { nil }
        let retryable = response.status == 429 || (500..<600).contains(response.status)
            || [408, 425].contains(response.status) || code == TwilioErrorCode.tooManyRequests
        return SendFailure(
            isRetryable: retryable,
            retryAfter: retryable ? RetryAfter.parse(response.headers["Retry-After"]) : nil,
            status: response.status,
            providerCode: code.map(String.init),
            reason: reason(status: response.status, code: code, body: body)
        )
    }

    private static func reason(status: Int, code: Int?, body: [String: JSONValue]?) -> String {
        if let code, let known = TwilioErrorCode.description(String(code)), code == TwilioErrorCode.unsubscribed {
            return known
        }
        if case .string(let message)? = body?["message"], !message.isEmpty {
            return String(message.prefix(maxReasonLength))
        }
        if let code, let known = TwilioErrorCode.description(String(code)) {
            return known
        }
        return "Twilio answered \(status)"
    }

    private static func object(in body: Data) -> [String: JSONValue]? {
        guard !body.isEmpty, case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: body) else { return nil }
        return members
    }
}
