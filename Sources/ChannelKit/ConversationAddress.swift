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
    /// The ``InboundMessage/metadata`` of the message this reply answers, as its adapter set it
    /// (an email's subject and `References`, the call a spoken answer belongs to).
    public var context: [String: String]

    public init(
        recipient: Participant, threadKey: String, inReplyTo: String? = nil, lastInboundAt: Date? = nil,
        context: [String: String] = [:]
    ) {
        self.recipient = recipient
        self.threadKey = threadKey
        self.inReplyTo = inReplyTo
        self.lastInboundAt = lastInboundAt
        self.context = context
    }
}

extension ConversationAddress {
    private enum CodingKeys: String, CodingKey {
        case recipient, threadKey, inReplyTo, lastInboundAt, context
    }

    /// Decodes addresses stored before `context` existed too (it defaults to empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            recipient: try container.decode(Participant.self, forKey: .recipient),
            threadKey: try container.decode(String.self, forKey: .threadKey),
            inReplyTo: try container.decodeIfPresent(String.self, forKey: .inReplyTo),
            lastInboundAt: try container.decodeIfPresent(Date.self, forKey: .lastInboundAt),
            context: try container.decodeIfPresent([String: String].self, forKey: .context) ?? [:]
        )
    }
}
