import Logging
import Synchronization

/// Answers from the tenant's knowledge base (``KnowledgeBase/decide(_:vector:)``); has no
/// answer otherwise.
///
/// Each tenant's base is prepared once per version of its entries and of its learned phrasings
/// (``KnowledgePhrasings``): phrasings, answers and their words embedded (texts embedded for an
/// earlier version are reused), words counted. A message's tenant snapshot shares its entries'
/// storage with the directory until an admin edits them, so telling whether the prepared base
/// is current costs one comparison. Without an embedder (no model installed) the decision uses
/// words only.
public final class KnowledgeBaseResponder: Responder {
    private struct Prepared {
        var entries: [KnowledgeEntry]
        var learnedVersion: Int
        var vectors: [String: [Float]]
        var base: KnowledgeBase
    }

    private let embedder: (any Embedder)?
    private let phrasings: KnowledgePhrasings?
    private let policy: KnowledgePolicy
    private let logger: Logger
    private let prepared = Mutex<[String: Prepared]>([:])

    /// - Parameters:
    ///   - embedder: The model the questions are embedded with (shared with the cache and the
    ///     memory, so a question is embedded once); nil for words only.
    ///   - phrasings: What people taught the knowledge base, matched as the entries' examples.
    ///   - policy: The decision's numbers; the tenant's `matchThreshold` replaces its threshold
    ///     when an embedder is used.
    public init(
        embedder: (any Embedder)? = nil, phrasings: KnowledgePhrasings? = nil, policy: KnowledgePolicy? = nil,
        logger: Logger = Logger(label: "knowledge")
    ) {
        self.embedder = embedder
        self.phrasings = phrasings
        self.policy = policy ?? (embedder == nil ? .lexical : .semantic)
        self.logger = logger
    }

    /// Prepares every tenant's knowledge base now (later versions are prepared when first used).
    public func prepare(_ tenants: TenantDirectory) async throws {
        for tenant in tenants.all { _ = try await base(for: tenant) }
    }

    public func answer(_ context: ResponderContext) async throws -> ResponderAnswer? {
        guard let decision = try await decide(context.question, tenant: context.tenant) else { return nil }
        guard let entry = decision.entry else {
            if let refusal = decision.refusal {
                logger.debug("no knowledge-base answer", metadata: [
                    "reason": "\(refusal.code)", "closest": "\(decision.candidates.first?.entry.id ?? "-")",
                ])
            }
            return nil
        }
        return ResponderAnswer(text: entry.answer, source: "knowledge_base:\(entry.id)", isGeneric: true)
    }

    /// The knowledge base's decision for `question` of `tenant`, nil when it has no entries.
    public func decide(_ question: String, tenant: TenantProfile) async throws -> KnowledgeDecision? {
        guard !tenant.knowledgeBase.isEmpty else { return nil }
        let base = try await base(for: tenant)
        guard let embedder else { return base.decide(question) }
        let vector = try await embedder.embed([question]).first
        // Words some entry lacks are embedded alone, to tell a sibling ("cats" beside "dogs")
        // from a word that only adds context.
        var evidence = base.evidence(question, vector: vector)
        let words = evidence.uncoveredWords
        if !words.isEmpty {
            let wordVectors = Dictionary(zip(words, try await embedder.embed(words)), uniquingKeysWith: { first, _ in first })
            let rare = Set(words.filter { embedder.knowsWord($0) == false })
            evidence = base.evidence(question, vector: vector, wordVectors: wordVectors, rareWords: rare)
        }
        var policy = base.policy
        policy.threshold = tenant.assistant.matchThreshold
        return base.decide(evidence, policy: policy)
    }

    private func base(for tenant: TenantProfile) async throws -> KnowledgeBase {
        let learnedVersion = phrasings?.version(tenantID: tenant.id) ?? 0
        let previous = prepared.withLock { $0[tenant.id] }
        if let previous, previous.entries == tenant.knowledgeBase, previous.learnedVersion == learnedVersion {
            return previous.base
        }
        let entries = phrasings?.applied(to: tenant.knowledgeBase, tenantID: tenant.id) ?? tenant.knowledgeBase
        var vectors: [String: [Float]] = [:]
        if let embedder {
            let known = previous?.vectors ?? [:]
            let texts = KnowledgeBase.textsToEmbed(entries)
            let missing = texts.filter { known[$0] == nil }
            let embedded = missing.isEmpty ? [] : try await embedder.embed(missing)
            for text in texts { vectors[text] = known[text] }
            for (text, vector) in zip(missing, embedded) { vectors[text] = vector }
        }
        let base = KnowledgeBase(entries, vectors: vectors, policy: policy)
        prepared.withLock {
            $0[tenant.id] = Prepared(entries: tenant.knowledgeBase, learnedVersion: learnedVersion, vectors: vectors, base: base)
        }
        return base
    }
}
