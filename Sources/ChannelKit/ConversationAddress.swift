import Foundation

/// Where a reply goes: the recipient and thread on one channel, and what it answers.
public struct ConversationAddress: Hashable, Codable, Sendable {
    /// The customer as the channel knows them.
    public var recipient: Participant
    /// The channel's thread key (see ``InboundMessage/threadKey``).
    public var threadKey: String
    /// The provider message id of the message this reply answers, if any.
    public var inReplyTo: String?
    /// When the customer last wrote in this conversation, filled in by the gateway when it
    /// renders; channels with a reply window (WhatsApp, Instagram: 24 h) check it.
    public var lastInboundAt: Date?

    public init(recipient: Participant, threadKey: String, inReplyTo: String? = nil, lastInboundAt: Date? = nil) {
        self.recipient = recipient
        self.threadKey = threadKey
        self.inReplyTo = inReplyTo
        self.lastInboundAt = lastInboundAt
    }
}
