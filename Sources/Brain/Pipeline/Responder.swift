/// What a responder knows when it answers.
public struct ResponderContext: Sendable {
    public var tenant: TenantProfile
    public var question: String
    public var conversation: ConversationRecord

    public init(tenant: TenantProfile, question: String, conversation: ConversationRecord) {
        self.tenant = tenant
        self.question = question
        self.conversation = conversation
    }
}

/// An answer a responder found.
public struct ResponderAnswer: Sendable, Hashable {
    public var text: String
    /// Where it came from, stored with the reply (`knowledge_base:<entry id>`).
    public var source: String
    /// Whether the answer uses nothing specific to this customer (so it may be cached and reused).
    public var isGeneric: Bool

    public init(text: String, source: String, isGeneric: Bool) {
        self.text = text
        self.source = source
        self.isGeneric = isGeneric
    }
}

/// Something that can answer a customer's question: the knowledge base, an LLM.
public protocol Responder: Sendable {
    /// An answer, or nil when this responder has none (the pipeline then hands off to a human).
    func answer(_ context: ResponderContext) async throws -> ResponderAnswer?
}
