/// Where a reply goes: the recipient and thread on one channel, and what it answers.
public struct ConversationAddress: Hashable, Codable, Sendable {
    /// The customer as the channel knows them.
    public var recipient: Participant
    /// The channel's thread key (see ``InboundMessage/threadKey``).
    public var threadKey: String
    /// The provider message id of the message this reply answers, if any.
    public var inReplyTo: String?

    public init(recipient: Participant, threadKey: String, inReplyTo: String? = nil) {
        self.recipient = recipient
        self.threadKey = threadKey
        self.inReplyTo = inReplyTo
    }
}
