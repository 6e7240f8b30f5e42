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
