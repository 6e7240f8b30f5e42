/// Keys of ``InboundMessage/metadata`` the pipeline acts on, whatever the channel.
public enum InboundMetadataKey {
    /// `stop`, `start` or `help`: the customer's messaging-compliance keyword (SMS STOP/START/HELP).
    public static let compliance = "compliance"
    /// The text to answer a `help` keyword with (the channel's configured help text).
    public static let complianceReply = "complianceReply"
    /// Set (to `"true"`) on the message that opens a phone call: the pipeline applies the
    /// per-customer daily call cap (a refusal is a ``ReplyIntent/notice``) and otherwise answers
    /// nothing; the adapter's acknowledgement greets the caller.
    public static let callStarted = "callStarted"
    /// The farewell to answer with when the customer ends the conversation ("goodbye" on a call):
    /// the pipeline stores the message and replies with this text as a ``ReplyIntent/closing``,
    /// without the assistant.
    public static let closingReply = "closingReply"
}
