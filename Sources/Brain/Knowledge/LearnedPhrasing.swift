import Foundation

/// A customer's question that people taught the knowledge base to answer with an entry: an
/// agent answered it with (or close to) the entry's answer, or an admin marked it through the
/// admin API. The knowledge base matches it like one of the entry's examples. Audited when
/// learned and when removed; removable at any time.
public struct LearnedPhrasing: Sendable, Hashable {
    /// How the phrasing was learned.
    public enum Source: String, Sendable, Hashable, CaseIterable {
        /// An agent replied to the question with the entry's answer.
        case agentReply = "agent_reply"
        /// An admin marked the question as the entry's through the admin API.
        case marked
    }

    /// `kbp_…`.
    public var id: String
    public var tenantID: String
    public var entryID: String
    /// The question as the customer wrote it.
    public var text: String
    public var source: Source
    /// The customer's message it came from, when it came from one.
    public var messageID: String?
    /// The name of the agent or admin key that taught it.
    public var learnedBy: String
    public var createdAt: Date

    public init(id: String, tenantID: String, entryID: String, text: String, source: Source, messageID: String?, learnedBy: String, createdAt: Date) {
        self.id = id
        self.tenantID = tenantID
        self.entryID = entryID
        self.text = text
        self.source = source
        self.messageID = messageID
        self.learnedBy = learnedBy
        self.createdAt = createdAt
    }
}
