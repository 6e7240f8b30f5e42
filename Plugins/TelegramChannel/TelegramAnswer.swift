import ChannelKit
import Foundation

/// Reads the Bot API's answers: `{"ok": true, "result": …}` on success, and on failure
/// `{"ok": false, "error_code": 429, "description": "Too Many Requests: retry after 7",
/// "parameters": {"retry_after": 7}}`.
enum TelegramAnswer {
    /// The longest part of Telegram's `description` kept in a failure's reason.
    static let maxReasonLength = 200

    /// The `result` of a successful answer.
    ///
    /// A 2xx answer whose body cannot be read counts as a success with a `null` result: the call
    /// was accepted, and sending it again could double a message.
    ///
    /// - Throws: ``failure(of:body:)`` for a non-2xx answer or `"ok": false`.
    static func result(of response: ProviderResponse) throws(SendFailure) -> JSONValue {
        let body = object(in: response.body)
        if (200..<300).contains(response.status), body?["ok"] != .bool(false) {
            return body?["result"] ?? .null
        }
        throw failure(of: response, body: body)
    }

    /// The failure an error answer describes: 429 (honouring `parameters.retry_after`, else the
    /// `Retry-After` header), 408, 425 and 5xx retryable; anything else (400 "chat not found",
    /// 403 "bot was blocked by the user", 401 for a wrong token) permanent. Telegram's
    /// `description` is the reason and its `error_code` the provider code.
    static func failure(of response: ProviderResponse, body: [String: JSONValue]?) -> SendFailure {
        let code = body?["error_code"].flatMap(integer)
        let effective = (200..<300).contains(response.status) ? (code ?? response.status) : response.status
        let parameters: [String: JSONValue]? = if case .object(let members)? = body?["parameters"] { members } else { nil }
        var retryAfter = RetryAfter.parse(response.headers["Retry-After"])
        if let seconds = parameters?["retry_after"].flatMap(integer) {
            retryAfter = min(.seconds(max(0, seconds)), RetryAfter.maximum)
        }
        return SendFailure(
            isRetryable: isRetryable(effective),
            retryAfter: retryAfter,
            status: response.status,
            providerCode: code.map(String.init),
            reason: reason(status: effective, body: body, parameters: parameters)
        )
    }

    /// The members of a JSON object body; nil when the body is not one.
    static func object(in body: Data) -> [String: JSONValue]? {
        guard !body.isEmpty, !TelegramPayload.exceedsNesting(body),
              case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: body) else { return nil }
        return members
    }

    /// An integral JSON number.
    static func integer(_ value: JSONValue) -> Int? {
        guard case .number(let number) = value else { return nil }
        return Int(exactly: number)
    }

    private static func isRetryable(_ status: Int) -> Bool {
        [408, 425, 429].contains(status) || (500..<600).contains(status)
    }

    private static func reason(status: Int, body: [String: JSONValue]?, parameters: [String: JSONValue]?) -> String {
        var reason: String
        if case .string(let description)? = body?["description"], !description.isEmpty {
            reason = String(description.prefix(maxReasonLength))
        } else {
            reason = "Telegram answered \(status)"
        }
        if status == 401 || status == 404 {
            reason += " (Telegram did not recognise the bot token; check secrets.botToken)"
        }
        if let chat = parameters?["migrate_to_chat_id"].flatMap(integer) {
            reason += " (the group became the supergroup \(chat))"
        }
        return reason
    }
}
