/// Why a fake provider could not do what a test asked.
public enum FakeProviderError: Error, Sendable, CustomStringConvertible {
    /// Fewer requests than expected arrived in time; `received` lists those that did
    /// (`POST /callback`).
    case timedOut(expected: Int, received: [String], after: Duration)
    /// The server stopped before it listened on a port.
    case serverDidNotStart

    public var description: String {
        switch self {
        case .timedOut(let expected, let received, let timeout):
            let list = received.isEmpty ? "none" : received.joined(separator: ", ")
            return "the fake provider waited \(timeout) for \(expected) request(s) and received \(received.count): \(list)"
        case .serverDidNotStart:
            return "the fake provider's server stopped before it listened on a port"
        }
    }
}
