/// What the guards decided about one inbound message.
public enum GuardVerdict: Sendable, Hashable {
    /// The message goes on to the assistant.
    case allow
    /// The message is stored with `reason` but not answered. `notice` is the tenant's words for
    /// the reason, to send instead of an answer; nil when the customer was already told in the
    /// current window (or the tenant wants no notice for this reason).
    case block(GuardReason, notice: String?)
}
