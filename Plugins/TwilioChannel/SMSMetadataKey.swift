import ChannelKit

/// The keys of ``ChannelKit/InboundMessage/metadata`` the SMS adapter fills in.
public enum SMSMetadataKey {
    /// `stop`, `start` or `help` when the message is a compliance keyword (see ``SMSCompliance``);
    /// the same key as ChannelKit's ``ChannelKit/InboundMetadataKey/compliance``.
    public static let compliance = InboundMetadataKey.compliance
    /// On a HELP message: the channel's ``SMSSettings/helpText``, which the pipeline answers with;
    /// ChannelKit's ``ChannelKit/InboundMetadataKey/complianceReply``.
    public static let complianceReply = InboundMetadataKey.complianceReply
    /// The business number the customer wrote to (Twilio's `To`).
    public static let to = "to"
    /// The Messaging Service the message arrived through, if any (`MessagingServiceSid`).
    public static let messagingServiceSid = "messagingServiceSid"
    /// How many segments the customer's message took (`NumSegments`), as Twilio reports it.
    public static let numSegments = "numSegments"
}
