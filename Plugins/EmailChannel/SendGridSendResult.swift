import ChannelKit
import Foundation

/// Reads Mail Send's answers: `202 Accepted` with the message's id in `X-Message-Id` on success;
/// on failure `{"errors": [{"message": "…", "field": "…", "help": "…"}]}`, and on a rate limit
/// `429` with `X-RateLimit-Reset` (Unix time at which the limit resets).
enum SendGridSendResult {
    /// The longest reason kept from SendGrid's error messages.
    static let maxReasonLength = 300

    /// The receipt of an accepted email: its `X-Message-Id` (which `sg_message_id` in events
    /// starts with); nil when SendGrid did not return one.
    ///
    /// - Throws: ``SendFailure``: 408, 425, 429 and 5xx retryable, after `Retry-After`, or for a
    ///   429 until `X-RateLimit-Reset`; any other status permanent with SendGrid's messages as the
    ///   reason (the API key is never in it).
    static func receipt(of response: ProviderResponse, apiKey: Secret, now: Date) throws(SendFailure) -> SendReceipt {
        if (200..<300).contains(response.status) {
            let id = response.headers["X-Message-Id"]?.trimmingCharacters(in: .whitespaces)
            return SendReceipt(providerMessageID: id.flatMap { $0.isEmpty ? nil : $0 })
        }
        let retryable = [408, 425, 429].contains(response.status) || (500..<600).contains(response.status)
        var retryAfter: Duration?
        if retryable {
            retryAfter = RetryAfter.parse(response.headers["Retry-After"], now: now)
            if retryAfter == nil, response.status == 429 {
                retryAfter = rateLimitReset(response.headers["X-RateLimit-Reset"], now: now)
            }
        }
        let messages = errorMessages(in: response.body)
        throw SendFailure(
            isRetryable: retryable,
            retryAfter: retryAfter,
            status: response.status,
            providerCode: messages.first?.field,
            reason: redacted(reason(status: response.status, messages: messages.map(\.text)), apiKey: apiKey)
        )
    }

    /// The wait until a rate limit resets: `X-RateLimit-Reset` minus now, at least a second and
    /// at most ``RetryAfter/maximum``.
    static func rateLimitReset(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), let reset = Double(value) else { return nil }
        let seconds = min(max(reset - now.timeIntervalSince1970, 1), 86_400)
        return .milliseconds(Int64(seconds * 1000))
    }

    /// SendGrid's errors: each message with its field (`from.email`, `personalizations.0.to`).
    static func errorMessages(in body: Data) -> [(text: String, field: String?)] {
        guard let object = SendGridJSON.object(body), case .array(let errors)? = object["errors"] else { return [] }
        return errors.compactMap { error in
            guard case .object(let fields) = error, let message = fields["message"]?.stringValue, !message.isEmpty else { return nil }
            let field = fields["field"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            return (field.map { "\(message) (\($0))" } ?? message, field)
        }
    }

    private static func reason(status: Int, messages: [String]) -> String {
        let detail = messages.joined(separator: "; ")
        let prefix: String = switch status {
        case 401: "SendGrid refused the API key (check secrets.apiKey)"
        case 403: "SendGrid refused the email (check the API key's Mail Send permission and the sender identity of settings.fromAddress)"
        case 413: "SendGrid refused the email as too large"
        case 429: "SendGrid's rate limit was reached"
        default: "SendGrid answered \(status)"
        }
        let full = detail.isEmpty ? prefix : "\(prefix): \(detail)"
        return full.count <= maxReasonLength ? full : String(full.prefix(maxReasonLength - 1)) + "…"
    }

    /// `text` without the API key or anything shaped like a SendGrid key (`SG.xxx.yyy`).
    static func redacted(_ text: String, apiKey: Secret) -> String {
        var result = apiKey.value.isEmpty ? text : text.replacingOccurrences(of: apiKey.value, with: "<redacted>")
        if let pattern = try? NSRegularExpression(pattern: #"SG\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"#) {
            result = pattern.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: "<redacted>")
        }
        return result
    }
}
