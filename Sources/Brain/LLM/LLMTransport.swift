import ChannelKit

/// Sends one HTTP request to a language model's server and returns its answer.
///
/// Brain has no HTTP client: the gateway provides one (AsyncHTTPClient), tests an in-memory one.
/// A transport returns every HTTP answer, whatever its status; it throws only when no answer came
/// (no connection, a dropped connection, its own timeout). Throwing ``LLMTransportError`` lets the
/// caller report why, but any error is treated as "worth retrying".
public protocol LLMTransport: Sendable {
    /// Sends `request` and waits at most `timeout` for the whole answer.
    func send(_ request: ProviderRequest, timeout: Duration) async throws -> ProviderResponse
}

/// Why a transport got no answer.
public enum LLMTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No connection could be made: the request was certainly not sent.
    case unreachable(String)
    /// The request may have been sent, but no answer came (timeout, connection dropped).
    case noResponse(String)

    public var description: String {
        switch self {
        case .unreachable(let reason): "the model server is unreachable (\(reason))"
        case .noResponse(let reason): "the model server did not answer (\(reason))"
        }
    }
}
