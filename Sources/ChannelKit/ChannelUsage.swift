/// A billable unit a channel's provider charges for a sent request.
public struct ChannelUsage: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case smsSegment = "sms_segment"
        case email
        case voiceMinute = "voice_minute"
    }

    public var kind: Kind
    public var quantity: Int

    public init(kind: Kind, quantity: Int) {
        self.kind = kind
        self.quantity = quantity
    }
}

/// Keys of ``InboundMessage/metadata`` the pipeline acts on, whatever the channel.
public enum InboundMetadataKey {
    /// `stop`, `start` or `help`: the customer's messaging-compliance keyword (SMS STOP/START/HELP).
    public static let compliance = "compliance"
    /// The text to answer a `help` keyword with (the channel's configured help text).
    public static let complianceReply = "complianceReply"
}
