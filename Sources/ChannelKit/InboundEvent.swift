/// One thing a webhook told the gateway. A single webhook request may carry several.
public enum InboundEvent: Hashable, Sendable {
    /// A customer's message, to go through the conversation pipeline.
    case message(InboundMessage)
    /// A delivery report for a message the gateway sent.
    case receipt(DeliveryReceipt)
    /// Something that is not conversational (a channel-join, an unsupported type); acknowledged
    /// to the provider and logged with the reason.
    case ignored(reason: String)
    /// What the provider billed for something that is not a rendered request (a call's minutes):
    /// recorded in the tenant's cost ledger once per ``UsageReport/reference``.
    case usage(UsageReport)
    /// An address the provider will no longer deliver to (an email bounce, a spam report): no
    /// further replies go to it on this kind of channel.
    case unreachable(address: String, reason: String)
}
