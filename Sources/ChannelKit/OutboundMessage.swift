/// A button the customer can tap instead of typing, where the channel supports it.
public struct QuickReply: Hashable, Codable, Sendable {
    /// The text on the button.
    public var title: String
    /// What comes back when the customer taps it (defaults to the title).
    public var payload: String

    public init(title: String, payload: String? = nil) {
        self.title = title
        self.payload = payload ?? title
    }
}

/// A reply the gateway sends, before any channel has shaped it.
public struct OutboundMessage: Hashable, Codable, Sendable {
    /// The gateway's own id for the message; adapters pass it on where a provider accepts one,
    /// so a receiver can dedupe.
    public var id: String
    /// Plain text. Adapters split and escape it to their channel's rules.
    public var text: String
    /// Suggested answers, rendered as buttons where the channel has them, else as text.
    public var quickReplies: [QuickReply]
    /// Media to send along, where the channel can.
    public var attachments: [Attachment]
    /// What the reply does to the conversation; a call ends or is transferred accordingly.
    public var intent: ReplyIntent
    /// The human agent who wrote it, when one did (nil for the assistant); channels that show
    /// authors (web chat) show it.
    public var agentName: String?

    public init(
        id: String, text: String, quickReplies: [QuickReply] = [], attachments: [Attachment] = [],
        intent: ReplyIntent = .answer, agentName: String? = nil
    ) {
        self.id = id
        self.text = text
        self.quickReplies = quickReplies
        self.attachments = attachments
        self.intent = intent
        self.agentName = agentName
    }
}

extension OutboundMessage {
    private enum CodingKeys: String, CodingKey {
        case id, text, quickReplies, attachments, intent, agentName
    }

    /// Decodes replies stored before `intent` existed too (they were answers).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            text: try container.decode(String.self, forKey: .text),
            quickReplies: try container.decodeIfPresent([QuickReply].self, forKey: .quickReplies) ?? [],
            attachments: try container.decodeIfPresent([Attachment].self, forKey: .attachments) ?? [],
            intent: try container.decodeIfPresent(ReplyIntent.self, forKey: .intent) ?? .answer,
            agentName: try container.decodeIfPresent(String.self, forKey: .agentName)
        )
    }
}
