/// Finds older things a customer said that bear on a question: ``SemanticMemory`` (embeddings
/// and a per-tenant vector index), or ``NoMemory``.
public protocol MemoryRetriever: Sendable {
    /// Up to `limit` earlier messages of the customer (every channel, this tenant only), closest
    /// to `question` first, leaving out the messages with ids in `excluding` (the recent history
    /// the assistant sees anyway).
    func memories(for question: String, customer: CustomerRecord, excluding: Set<String>, limit: Int) async throws -> [String]
}

/// Recalls nothing: the retriever used when no semantic memory is configured.
public struct NoMemory: MemoryRetriever {
    public init() {}

    public func memories(for question: String, customer: CustomerRecord, excluding: Set<String>, limit: Int) async throws -> [String] { [] }
}

/// What the assistant remembers when it answers.
public struct Recall: Sendable, Hashable {
    /// The customer's last messages across every channel, oldest first.
    public var history: [MessageRecord]
    public var memories: [String]
}

/// Gathers the customer's recent messages on every channel and related older memories.
public struct RememberStage: Sendable {
    let store: SQLiteStore
    let retriever: any MemoryRetriever
    /// How many recent messages the assistant sees.
    let historyLimit: Int
    let memoryLimit: Int

    public init(store: SQLiteStore, retriever: any MemoryRetriever = NoMemory(), historyLimit: Int = 10, memoryLimit: Int = 3) {
        self.store = store
        self.retriever = retriever
        self.historyLimit = historyLimit
        self.memoryLimit = memoryLimit
    }

    /// What the assistant may know when answering `item`.
    ///
    /// A sender whose identity on this channel is only claimed (an email typed into web chat)
    /// sees only this channel's history and no memories: typing someone else's address must not
    /// reveal what that person said elsewhere. A proven identity sees every channel.
    public func recall(_ item: InboxItem, identified: Identified) async throws -> Recall {
        let customer = identified.customer
        let proven = identified.senderIsProven
        let history = try await store.recentMessages(
            customerID: customer.id, tenantID: customer.tenantID, limit: historyLimit * 2,
            excludingProviderMessageID: item.message.providerMessageID
        )
        .filter { $0.blockedReason == nil && (proven || $0.channelID == item.channel.channelID) }
        let recent = Array(history.suffix(historyLimit))
        let question = item.message.text
        let memories = question.isEmpty || !proven
            ? [] : try await retriever.memories(for: question, customer: customer, excluding: Set(recent.map(\.id)), limit: memoryLimit)
        return Recall(history: recent, memories: memories)
    }
}
