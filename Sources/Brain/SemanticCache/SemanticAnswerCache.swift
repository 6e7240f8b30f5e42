import ChannelKit
import Foundation
import Logging

/// The semantic answer cache as the pipeline uses it: ``SemanticCacheIndex`` decides, this
/// type embeds questions, scopes entries, persists generated answers and counts hits, misses and
/// the cost each hit saved, per tenant.
///
/// Two kinds of entries: the tenant's knowledge-base entries, keyed by their questions (made
/// at start-up and after each edit, in the scope `knowledge`, valid on every channel: a semantic match for questions
/// the keyword matcher misses), and generic model answers, keyed by the question that produced
/// them, in the scope of the channel kind they were written for, expiring after the TTL. Both
/// scopes carry the tenant's knowledge version, so a changed persona or knowledge base retires
/// them (``refresh(_:replacing:)`` drops them at once).
public actor SemanticAnswerCache {
    /// What a lookup found, with the question's vector for storing the answer made instead.
    public struct Lookup: Sendable {
        public var decision: CacheDecision
        public var vector: [Float]
    }

    /// The rendering of knowledge-base entries: the same words on every channel.
    public static let knowledgeRendering = "knowledge"

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

    /// The scope of answers written for `kind` of channel (or, with ``knowledgeRendering``, of
    /// knowledge-base answers).
    public nonisolated func scope(for tenant: TenantProfile, rendering: String) -> CacheScope {
        CacheScope(tenantID: tenant.id, embedderID: embedder.identifier, knowledgeVersion: tenant.knowledgeVersion, rendering: rendering)
    }

    /// Restores the stored generated answers that are still current, and keys every tenant's
    /// knowledge base. Returns (restored answers, knowledge-base entries).
    @discardableResult
    public func load(tenants: TenantDirectory) async throws -> (restored: Int, knowledge: Int) {
        let stored = try await store.loadCacheEntries()
        let versions = Dictionary(tenants.all.map { ($0.id, $0.knowledgeVersion) }, uniquingKeysWith: { first, _ in first })
        var current: [SemanticCacheEntry] = []
        var retired: [UUID] = []
        for (entry, cost) in stored {
            if versions[entry.scope.tenantID] == entry.scope.knowledgeVersion, entry.scope.embedderID == embedder.identifier {
                current.append(entry)
                costs[entry.id] = cost
            } else {
                retired.append(entry.id)
            }
        }
        try await store.deleteCacheEntries(ids: retired)
        index = SemanticCacheIndex(policy: index.policy, entries: current)
        var knowledge = 0
        for tenant in tenants.all {
            knowledge += try await keyKnowledge(of: tenant, vectors: [:])
        }
        if !retired.isEmpty {
            logger.info("cached answers retired: the knowledge, persona or embedder changed", metadata: ["count": "\(retired.count)"])
        }
        return (current.count, knowledge)
    }

    /// Follows an edit of the tenant's assistant or knowledge base: when what answers are made
    /// from changed (the knowledge version), retires every entry of the tenant, in memory and
    /// stored, and keys the new knowledge base (embedding only the questions that are new).
    /// Returns how many entries were retired.
    @discardableResult
    public func refresh(_ tenant: TenantProfile, replacing previous: TenantProfile) async throws -> Int {
        guard tenant.knowledgeVersion != previous.knowledgeVersion else { return 0 }
        var vectors: [String: [Float]] = [:]
        for entry in index.entries(in: scope(for: previous, rendering: Self.knowledgeRendering)) {
            for key in entry.keys { vectors[key.question] = key.vector }
        }
        let retired = index.invalidate(tenantID: tenant.id)
        for id in retired { costs[id] = nil }
        try await store.deleteCacheEntries(ids: retired)
        let keyed = try await keyKnowledge(of: tenant, vectors: vectors)
        logger.info("semantic cache refreshed: the assistant or knowledge base changed", metadata: [
            "tenant": "\(tenant.id)", "retired": "\(retired.count)", "knowledge.entries": "\(keyed)",
        ])
        return retired.count
    }

    /// Keys the tenant's knowledge-base entries by their questions in the knowledge scope,
    /// embedding those not in `vectors`. Returns how many were keyed.
    private func keyKnowledge(of tenant: TenantProfile, vectors known: [String: [Float]]) async throws -> Int {
        let entries = tenant.knowledgeBase
        guard !entries.isEmpty else { return 0 }
        let missing = Array(Set(entries.map(\.question).filter { known[$0] == nil }))
        var vectors = known
        if !missing.isEmpty {
            for (question, vector) in zip(missing, try await embedder.embed(missing)) { vectors[question] = vector }
        }
        let scope = scope(for: tenant, rendering: Self.knowledgeRendering)
        var keyed = 0
        for entry in entries {
            guard let vector = vectors[entry.question] else { continue }
            let outcome = index.insert(
                question: entry.question, answer: entry.answer, vector: vector, scope: scope, isGeneric: true,
                source: .knowledgeBase(entry.id), timeToLive: 10 * 365 * 86_400
            )
            if outcome.entry != nil { keyed += 1 }
        }
        return keyed
    }

    /// Looks `question` up among the tenant's knowledge-base entries and the answers cached for
    /// this kind of channel; the better hit wins. Counts the lookup for analytics.
    public func lookup(_ question: String, tenant: TenantProfile, kind: ChannelKind) async throws -> Lookup {
        let vector = try await embedder.embed([question])[0]
        let signature = QuestionSignature(question)
        let knowledge = index.lookup(question: question, vector: vector, signature: signature, scope: scope(for: tenant, rendering: Self.knowledgeRendering))
        let generated = index.lookup(question: question, vector: vector, signature: signature, scope: scope(for: tenant, rendering: kind.rawValue))
        let decision: CacheDecision
        switch (knowledge, generated) {
        case (.hit(_, let a, _), .hit(_, let b, _)): decision = a >= b ? knowledge : generated
        case (.hit, _): decision = knowledge
        case (_, .hit): decision = generated
        case (.miss(let reason), .miss(.noCandidate)): decision = .miss(reason)
        default: decision = generated
        }
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

    /// How many entries the cache holds (knowledge-base keys included).
    public var count: Int { index.count }
}
