import ChannelKit
import Foundation

/// Calls `POST {baseURL}/chat/completions` on an OpenAI-compatible server through a transport and
/// reads the answer.
///
/// ```swift
/// let client = ChatCompletionClient(transport: transport)
/// let completion = try await client.complete(
///     [.system("You are…"), .user("When are you open?")],
///     model: model, endpoint: endpoint, timeout: .seconds(4)
/// )
/// ```
public struct ChatCompletionClient: Sendable {
    /// How much longer than the call's own limit the transport is allowed, so the client's limit
    /// decides (and reports ``LLMCallError/timedOut(after:)``) rather than the transport's.
    static let transportGrace: Duration = .milliseconds(500)

    let transport: any LLMTransport

    public init(transport: any LLMTransport) {
        self.transport = transport
    }

    /// The HTTP request for one call: JSON with `model`, `messages`, `max_tokens`, `temperature`;
    /// `Authorization: Bearer <key>` when the endpoint has a key, then the endpoint's own headers.
    ///
    /// - Parameter maxTokens: The answer's token limit; the model's own when nil.
    public func makeRequest(_ messages: [ChatMessage], model: LLMModel, endpoint: LLMEndpoint, maxTokens: Int? = nil) throws -> ProviderRequest {
        let body = RequestBody(
            model: model.name,
            messages: messages,
            maxTokens: maxTokens ?? model.maxTokens,
            temperature: model.temperature
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers: HeaderFields = ["Content-Type": "application/json", "Accept": "application/json"]
        if let key = endpoint.apiKey {
            headers["Authorization"] = "Bearer \(key.value)"
        }
        for field in endpoint.headers {
            headers[field.name] = field.value
        }
        return ProviderRequest(method: "POST", url: endpoint.chatCompletionsURL, headers: headers, body: try encoder.encode(body))
    }

    /// Makes one call and returns the model's answer.
    ///
    /// - Parameters:
    ///   - messages: The conversation, system prompt first.
    ///   - maxTokens: The answer's token limit; the model's own when nil.
    ///   - timeout: The longest the call may take, answer included.
    /// - Throws: ``LLMCallError`` (retryable or permanent), or `CancellationError` when the task
    ///   is cancelled.
    public func complete(
        _ messages: [ChatMessage],
        model: LLMModel,
        endpoint: LLMEndpoint,
        maxTokens: Int? = nil,
        timeout: Duration
    ) async throws -> ChatCompletion {
        let request: ProviderRequest
        do {
            request = try makeRequest(messages, model: model, endpoint: endpoint, maxTokens: maxTokens)
        } catch {
            throw LLMCallError.permanent(status: nil, reason: "the request could not be encoded (\(error))")
        }
        let transport = self.transport
        let clock = ContinuousClock()
        let started = clock.now
        let response: ProviderResponse
        do {
            response = try await withTimeLimit(timeout) {
                try await transport.send(request, timeout: timeout + Self.transportGrace)
            }
        } catch let error as LLMCallError {
            throw error
        } catch {
            // A transport's failure while the task is being cancelled is the cancellation.
            if error is CancellationError || Task.isCancelled { throw CancellationError() }
            throw Self.transportFailure(error, after: started.duration(to: clock.now), limit: timeout)
        }
        let promptBytes = messages.reduce(0) { $0 + $1.content.utf8.count }
        return try Self.completion(from: response, promptBytes: promptBytes)
    }
}

extension ChatCompletionClient {
    /// The JSON body of a call.
    struct RequestBody: Encodable {
        var model: String
        var messages: [ChatMessage]
        var maxTokens: Int
        var temperature: Double

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature
            case maxTokens = "max_tokens"
        }
    }
}

extension ChatCompletionClient {
    /// What a transport's failure means for the call: an answer that did not come by the limit
    /// is the limit running out; anything else is a network failure worth retrying.
    ///
    /// On a busy machine the transport's own deadline (the limit plus ``transportGrace``) can
    /// fire before the client's timer gets to run; that is still the limit, not the endpoint.
    /// A connection refused stays the endpoint's failure however late it is reported.
    static func transportFailure(_ error: any Error, after elapsed: Duration, limit: Duration) -> LLMCallError {
        if elapsed >= limit, case .noResponse = error as? LLMTransportError { return .timedOut(after: limit) }
        return .retryable(status: nil, retryAfter: nil, reason: String(describing: error))
    }
}
