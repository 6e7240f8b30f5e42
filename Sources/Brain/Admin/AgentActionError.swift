/// Why a human agent's action on a conversation cannot be done.
public enum AgentActionError: Error, Sendable, Hashable {
    /// No such conversation in the tenant.
    case notFound
    /// The conversation is closed.
    case closed
    /// The conversation has no message to reply to (no address to send to).
    case noAddress
}
