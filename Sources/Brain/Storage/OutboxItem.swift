import ChannelKit

/// A reply waiting in (or taken from) the outbox.
public struct OutboxItem: Sendable, Hashable {
    public var id: Int64
    public var tenantID: String
    public var channelID: String
    /// The stored outbound message this row delivers.
    public var messageID: String
    public var reply: OutboundMessage
    public var address: ConversationAddress
    /// How many send attempts have started, this one included.
    public var attempts: Int
    /// How many rendered parts the provider already accepted; a retry resumes after them.
    public var partsSent: Int

    public init(id: Int64, tenantID: String, channelID: String, messageID: String, reply: OutboundMessage, address: ConversationAddress, attempts: Int, partsSent: Int) {
        self.id = id
        self.tenantID = tenantID
        self.channelID = channelID
        self.messageID = messageID
        self.reply = reply
        self.address = address
        self.attempts = attempts
        self.partsSent = partsSent
    }
}
