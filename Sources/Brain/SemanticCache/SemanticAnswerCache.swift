import ChannelKit
import Foundation
import Logging

/// The semantic answer cache as the pipeline uses it: ``SemanticCacheIndex`` decides, this
/// type embeds questions, scopes entries, persists generated answers and counts hits, misses and
/// the cost each hit saved, per tenant.
///
/// It holds generic model answers, keyed by the question that produced them, in the scope of
/// the channel kind they were written for, expiring after the TTL. The knowledge base is not
/// in it: ``KnowledgeBaseResponder`` makes the one knowledge-base decision, before the cache is
/// asked. The scope carries the tenant's knowledge version, so a changed persona or knowledge
/// base retires the answers (``refresh(_:replacing:)`` drops them at once).
public actor SemanticAnswerCache {
    /// What a lookup found, with the question's vector for storing the answer made instead.
    public struct Lookup: Sendable {
        public var decision: CacheDecision
        public var vector: [Float]
    }

    let store: SQLiteStore
    public nonisolated let embedder: any Embedder
    let timeToLive: TimeInterval
    let logger: Logger
    private var index: SemanticCacheIndex
    private var costs: [UUID: Int64] = [:]

    public init(store: SQLiteStore, embedder: any Embedder, timeToLive: TimeInterval, policy: SemanticCachePolicy = SemanticCachePolicy(), logger: Logger) {
        self.store = store
        self.embedder = embedder
        self.timeToLive = timeToLive
        self.logger = logger
        self.index = SemanticCacheIndex(policy: policy)
    }

    /// The scope of answers written for `kind` of channel.
    public nonisolated func scope(for tenant: TenantProfile, rendering: String) -> CacheScope {
        CacheScope(tenantID: tenant.id, embedderID: embedder.identifier, knowledgeVersion: tenant.knowledgeVersion, rendering: rendering)
    }

    /// Restores the stored generated answers that are still current (retiring the others).
    /// Returns how many were restored.
    @discardableResult
    public func load(tenants: TenantDirectory) async throws -> Int {
        let stored = try await store.loadCacheEntries()
        let versions = Dictionary(tenants.all.map { ($0.id, $0.knowledgeVersion) }, uniquingKeysWith: { first, _ in first })
        var current: [SemanticCacheEntry] = []
        var retired: [UUID] = []
        for (entry, cost) in stored {
            if versions[entry.scope.tenantID] == entry.scope.knowledgeVersion, entry.scope.embedderID == embedder.identifier,
               case .generated = entry.source {
                current.append(entry)
                costs[entry.id] = cost
            } else {
                retired.append(entry.id)
            }
        }
        try await store.deleteCacheEntries(ids: retired)
        index = SemanticCacheIndex(policy: index.policy, entries: current)
        if !retired.isEmpty {
            logger.info("cached answers retired: the knowledge, persona or embedder changed", metadata: ["count": "\(retired.count)"])
        }
        return current.count
    }

    /// Follows an edit of the tenant's assistant or knowledge base: when what answers are made
    /// from changed (the knowledge version), retires every entry of the tenant, in memory and
    /// stored. Returns how many entries were retired.
    @discardableResult
    public func refresh(_ tenant: TenantProfile, replacing previous: TenantProfile) async throws -> Int {
        guard tenant.knowledgeVersion != previous.knowledgeVersion else { return 0 }
        let retired = index.invalidate(tenantID: tenant.id)
        for id in retired { costs[id] = nil }
        try await store.deleteCacheEntries(ids: retired)
        logger.info("semantic cache refreshed: the assistant or knowledge base changed", metadata: [
            "tenant": "\(tenant.id)", "retired": "\(retired.count)",
        ])
        return retired.count
    }

    /// Looks `question` up among the answers cached for this kind of channel. Counts the lookup
    /// for analytics.
    public func lookup(_ question: String, tenant: TenantProfile, kind: ChannelKind) async throws -> Lookup {
        let vector = try await embedder.embed([question])[0]
        let decision = index.lookup(question: question, vector: vector, scope: scope(for: tenant, rendering: kind.rawValue))
        let saved = decision.entry.map { costs[$0.id] ?? 0 } ?? 0
        try await store.countCacheLookup(tenantID: tenant.id, hit: decision.entry != nil, savedNanos: saved)
        return Lookup(decision: decision, vector: vector)
    }

    /// Caches a generated answer for the channel kind it was written for, when it is generic;
    /// returns whether it was stored (or merged into an entry with the same answer).
    @discardableResult
    public func remember(question: String, vector: [Float], answer: ResponderAnswer, costNanos: Int64, tenant: TenantProfile, kind: ChannelKind) async throws -> Bool {
        let outcome = index.insert(
            question: question, answer: answer.text, vector: vector, scope: scope(for: tenant, rendering: kind.rawValue),
            isGeneric: answer.isGeneric && !answer.isUnanswered, source: .generated, timeToLive: timeToLive
        )
        guard let entry = outcome.entry else { return false }
        costs[entry.id] = max(costs[entry.id] ?? 0, costNanos)
        try await store.saveCacheEntry(entry, costNanos: costs[entry.id] ?? 0)
        return true
    }

    /// How many answers the cache holds.
    public var count: Int { index.count }
}
