/// Why a chat-completions call failed, and whether trying again can help.
public enum LLMCallError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Worth trying again: 408, 429, 5xx, or no answer at all (network failure). `retryAfter` is
    /// the server's `Retry-After`, when it sent one.
    case retryable(status: Int?, retryAfter: Duration?, reason: String)
    /// No answer within the call's time limit. Worth trying again if time remains.
    case timedOut(after: Duration)
    /// Trying again will not help: another 4xx (bad key, unknown model, bad request) or an answer
    /// that is not a chat completion.
    case permanent(status: Int?, reason: String)

    /// Whether the same call may succeed if made again.
    public var isRetryable: Bool {
        switch self {
        case .retryable, .timedOut: true
        case .permanent: false
        }
    }

    /// How long the server asked to wait before calling again.
    public var retryAfter: Duration? {
        if case .retryable(_, let retryAfter, _) = self { return retryAfter }
        return nil
    }

    /// The HTTP status the server answered with, if it answered.
    public var status: Int? {
        switch self {
        case .retryable(let status, _, _), .permanent(let status, _): status
        case .timedOut: nil
        }
    }

    public var description: String {
        switch self {
        case .retryable(let status?, _, let reason), .permanent(let status?, let reason): "HTTP \(status): \(reason)"
        case .retryable(nil, _, let reason), .permanent(nil, let reason): reason
        case .timedOut(let limit): "no answer within \(limit)"
        }
    }
}
