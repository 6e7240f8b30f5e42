/// Tokens one call used, as the server reported them or as estimated.
public struct TokenUsage: Sendable, Hashable {
    public var promptTokens: Int
    public var completionTokens: Int
    /// True when the server did not report usage and the counts are estimates (UTF-8 bytes ÷ 4,
    /// rounded up).
    public var isEstimated: Bool

    public init(promptTokens: Int, completionTokens: Int, isEstimated: Bool = false) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.isEstimated = isEstimated
    }

    /// The usual rough count for English text: one token per four bytes, rounded up.
    public static func estimate(_ text: String) -> Int {
        estimate(byteCount: text.utf8.count)
    }

    static func estimate(byteCount: Int) -> Int {
        (byteCount + 3) / 4
    }
}

/// A model's answer to one chat-completions call.
public struct ChatCompletion: Sendable, Hashable {
    /// `choices[0].message.content`, as sent.
    public var text: String
    public var usage: TokenUsage
    /// The server's id for the completion, if it gave one.
    public var responseID: String?

    public init(text: String, usage: TokenUsage, responseID: String? = nil) {
        self.text = text
        self.usage = usage
        self.responseID = responseID
    }
}
