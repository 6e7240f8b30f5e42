import ChannelKit

/// What a responder knows when it answers.
public struct ResponderContext: Sendable {
    public var tenant: TenantProfile
    public var channel: ChannelRef
    public var customer: CustomerRecord
    public var conversation: ConversationRecord
    /// The customer's question, trimmed.
    public var question: String
    /// The customer's last messages across all channels (oldest first, at most 10), this one excluded.
    public var history: [MessageRecord]
    /// Older things the customer said that are close to the question (filled by the semantic layer).
    public var memories: [String]
    /// How long the responder may take before the channel needs an answer (voice is short).
    public var timeBudget: Duration

    public init(
        tenant: TenantProfile,
        channel: ChannelRef,
        customer: CustomerRecord,
        conversation: ConversationRecord,
        question: String,
        history: [MessageRecord] = [],
        memories: [String] = [],
        timeBudget: Duration = .seconds(30)
    ) {
        self.tenant = tenant
        self.channel = channel
        self.customer = customer
        self.conversation = conversation
        self.question = question
        self.history = history
        self.memories = memories
        self.timeBudget = timeBudget
    }
}

/// An answer a responder found.
public struct ResponderAnswer: Sendable, Hashable {
    public var text: String
    /// Where it came from, stored with the reply (`knowledge_base:<entry id>`, `llm:<model>`).
    public var source: String
    /// Whether the answer uses nothing specific to this customer (so it may be cached and reused).
    public var isGeneric: Bool
    /// The responder could not really answer (the model said it does not know); repeated, this
    /// hands the conversation to a human.
    public var isUnanswered: Bool

    public init(text: String, source: String, isGeneric: Bool, isUnanswered: Bool = false) {
        self.text = text
        self.source = source
        self.isGeneric = isGeneric
        self.isUnanswered = isUnanswered
    }
}

/// Something that can answer a customer's question: the knowledge base, an LLM.
public protocol Responder: Sendable {
    /// An answer, or nil when this responder has none.
    func answer(_ context: ResponderContext) async throws -> ResponderAnswer?
}
