import Foundation

/// Who owns a conversation right now. While a human does, the assistant never replies.
public enum ConversationStatus: String, Sendable, Hashable, Codable {
    /// The assistant answers.
    case assistant
    /// Handed off; waiting for a human agent to pick it up.
    case waiting
    /// A human agent owns it.
    case assigned
    /// Finished; the next message opens a new conversation.
    case closed

    /// Whether a human owns (or is about to own) the conversation.
    public var isHumanOwned: Bool { self == .waiting || self == .assigned }
}

/// One conversation: a customer's thread on one channel.
public struct ConversationRecord: Sendable, Hashable {
    public var id: String
    public var tenantID: String
    public var customerID: String
    public var channelID: String
    public var threadKey: String
    public var status: ConversationStatus
    /// Consecutive questions the assistant could not answer; enough of them hand off to a human.
    public var unansweredCount: Int
    public var createdAt: Date
    public var updatedAt: Date
    /// The human agent who took the conversation over, while one owns it.
    public var assignedTo: String? = nil
}

/// A stored message, inbound or outbound, with its delivery state.
public struct MessageRecord: Sendable, Hashable {
    public enum Direction: String, Sendable { case inbound, outbound }
    public enum Author: String, Sendable { case customer, assistant, agent, system }

    public var id: String
    public var conversationID: String
    public var customerID: String
    public var channelID: String
    public var direction: Direction
    public var author: Author
    public var text: String
    public var providerMessageID: String?
    /// Where an assistant reply came from (`knowledge_base:<entry id>`, `handoff`).
    public var answerSource: String?
    /// For outbound messages: queued, sent, delivered, read, failed or uncertain.
    public var deliveryStatus: String?
    public var deliveryError: String?
    /// Why a guard blocked this inbound message (it was stored, not answered), if it did.
    public var blockedReason: String?
    public var createdAt: Date
    /// The human agent who wrote an `agent` message.
    public var agent: String? = nil
}
