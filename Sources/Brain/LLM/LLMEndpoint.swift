import ChannelKit

/// A server that speaks the OpenAI chat-completions API: OpenAI, OpenRouter, vLLM, Ollama,
/// a llama.cpp server.
///
/// ```swift
/// let local = LLMEndpoint(id: "ollama", baseURL: "http://127.0.0.1:11434/v1")
/// let hosted = LLMEndpoint(id: "openai", baseURL: "https://api.openai.com/v1", apiKey: Secret(key))
/// ```
public struct LLMEndpoint: Sendable, Hashable {
    /// The id models refer to in configuration.
    public var id: String
    /// The API root, up to and including the version (`https://api.openai.com/v1`); requests go to
    /// `{baseURL}/chat/completions`.
    public var baseURL: String
    /// Sent as `Authorization: Bearer <key>`; nil for local servers that need none.
    public var apiKey: Secret?
    /// The longest one call may take; a channel's time budget can shorten it.
    public var timeout: Duration
    /// Extra headers sent with every call (OpenRouter's `HTTP-Referer` and `X-Title`).
    public var headers: HeaderFields
    /// Why the endpoint cannot be used (its API key is missing), or nil when it can.
    public var disabledReason: String?

    public init(
        id: String,
        baseURL: String,
        apiKey: Secret? = nil,
        timeout: Duration = .seconds(30),
        headers: HeaderFields = [:],
        disabledReason: String? = nil
    ) {
        self.id = id
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.timeout = timeout
        self.headers = headers
        self.disabledReason = disabledReason
    }

    /// Whether calls may be made to it.
    public var isEnabled: Bool { disabledReason == nil }

    /// `{baseURL}/chat/completions`, whether or not the base URL ends with a slash.
    public var chatCompletionsURL: String {
        var base = Substring(baseURL)
        while base.hasSuffix("/") { base = base.dropLast() }
        return base + "/chat/completions"
    }
}
