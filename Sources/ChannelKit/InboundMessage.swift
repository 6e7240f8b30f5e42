import Foundation

/// One message a customer sent on a channel, in the gateway's normalized form.
public struct InboundMessage: Hashable, Codable, Sendable {
    /// The provider's own id for the message. Together with the channel id it is the dedupe key:
    /// a provider's retry of the same id is acknowledged and produces nothing new.
    public var providerMessageID: String
    /// Who sent it.
    public var sender: Participant
    /// The conversation thread on the channel (a chat id, an email thread, a phone number).
    /// Messages with the same thread key on the same channel belong to one conversation.
    public var threadKey: String
    /// The message text (captions of attachments included by the adapter where it makes sense).
    public var text: String
    /// Media, files and locations that came with the message.
    public var attachments: [Attachment]
    /// When the provider says the message was sent.
    public var timestamp: Date
    /// Provider details an adapter needs again later (a Telegram callback query id to answer, a
    /// quick-reply payload, the message id to mark as read). Never shown to the assistant.
    public var metadata: [String: String]

    public init(
        providerMessageID: String,
        sender: Participant,
        threadKey: String,
        text: String,
        attachments: [Attachment] = [],
        timestamp: Date,
        metadata: [String: String] = [:]
    ) {
        self.providerMessageID = providerMessageID
        self.sender = sender
        self.threadKey = threadKey
        self.text = text
        self.attachments = attachments
        self.timestamp = timestamp
        self.metadata = metadata
    }
}

extension InboundMessage {
    private enum CodingKeys: String, CodingKey {
        case providerMessageID, sender, threadKey, text, attachments, timestamp, metadata
    }

    /// Decodes messages stored before `metadata` existed too (it defaults to empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            providerMessageID: try container.decode(String.self, forKey: .providerMessageID),
            sender: try container.decode(Participant.self, forKey: .sender),
            threadKey: try container.decode(String.self, forKey: .threadKey),
            text: try container.decode(String.self, forKey: .text),
            attachments: try container.decodeIfPresent([Attachment].self, forKey: .attachments) ?? [],
            timestamp: try container.decode(Date.self, forKey: .timestamp),
            metadata: try container.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:]
        )
    }
}
