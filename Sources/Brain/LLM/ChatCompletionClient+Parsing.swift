import ChannelKit
import Foundation

extension ChatCompletionClient {
    /// Reads a server's answer: `choices[0].message.content` and `usage` from a 2xx, a typed
    /// error otherwise.
    ///
    /// - 2xx with a non-empty `choices[0].message.content`: the completion. Without `usage` (or
    ///   with part of it missing), the counts are estimated from the text (bytes ÷ 4) and marked.
    /// - 408, 429, 5xx: ``LLMCallError/retryable(status:retryAfter:reason:)`` with `Retry-After`.
    /// - any other status, or a 2xx that is not a chat completion: ``LLMCallError/permanent(status:reason:)``.
    ///
    /// - Parameter promptBytes: The UTF-8 size of the prompt, to estimate prompt tokens.
    public static func completion(from response: ProviderResponse, promptBytes: Int) throws(LLMCallError) -> ChatCompletion {
        guard (200..<300).contains(response.status) else {
            let reason = errorMessage(in: response.body) ?? "the model server refused the call"
            if isRetryable(status: response.status) {
                let retryAfter = RetryAfter.parse(response.headers["Retry-After"])
                throw .retryable(status: response.status, retryAfter: retryAfter, reason: reason)
            }
            throw .permanent(status: response.status, reason: reason)
        }
        let body: ResponseBody
        do {
            body = try JSONDecoder().decode(ResponseBody.self, from: response.body)
        } catch {
            throw .permanent(status: response.status, reason: "the answer is not a chat completion (\(ResponseBody.summary(of: error)))")
        }
        guard let text = body.choices?.first?.message?.content,
              !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else {
            throw .permanent(status: response.status, reason: "the answer has no text in choices[0].message.content")
        }
        let prompt = body.usage?.promptTokens
        let completion = body.usage?.completionTokens
        let usage = TokenUsage(
            promptTokens: prompt ?? TokenUsage.estimate(byteCount: promptBytes),
            completionTokens: completion ?? TokenUsage.estimate(text),
            isEstimated: prompt == nil || completion == nil
        )
        return ChatCompletion(text: text, usage: usage, responseID: body.id)
    }

    /// 408 (request timeout), 429 (rate limited) and 5xx are worth retrying; other statuses not.
    static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 429 || (500...599).contains(status)
    }

    /// The server's own words from an error body: OpenAI's `{"error": {"message": …}}`, Ollama's
    /// `{"error": "…"}`, or a top-level `message`; at most 200 characters.
    static func errorMessage(in body: Data) -> String? {
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: body), case .object(let object) = json else {
            return nil
        }
        var message: String?
        switch object["error"] {
        case .string(let text)?:
            message = text
        case .object(let error)?:
            if case .string(let text)? = error["message"] { message = text }
        default:
            if case .string(let text)? = object["message"] { message = text }
        }
        guard let message, !message.isEmpty else { return nil }
        return message.count > 200 ? String(message.prefix(200)) + "…" : message
    }

    /// The parts of a chat-completions answer the client reads.
    struct ResponseBody: Decodable {
        struct Choice: Decodable {
            var message: Message?
        }

        struct Message: Decodable {
            var content: String?
        }

        struct Usage: Decodable {
            var promptTokens: Int?
            var completionTokens: Int?

            enum CodingKeys: String, CodingKey {
                case promptTokens = "prompt_tokens"
                case completionTokens = "completion_tokens"
            }
        }

        var id: String?
        var choices: [Choice]?
        var usage: Usage?

        /// A decoding error in a few words, without echoing the body.
        static func summary(of error: any Error) -> String {
            guard let error = error as? DecodingError else { return "unreadable" }
            switch error {
            case .dataCorrupted: return "not valid JSON"
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
                let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
                return path.isEmpty ? "unexpected shape" : "unexpected value at \(path)"
            @unknown default:
                return "unexpected shape"
            }
        }
    }
}
