import Foundation
import Synchronization

/// The semantic cache of every tenant, in memory: entries grouped by ``CacheScope``, looked up by
/// exact scan (a tenant holds a few thousand entries at most: about 0.1 ms for 500 keys of 384
/// floats, 1 ms for 5,000, memory-bound).
///
/// A final class whose state sits behind a `Mutex`, so one instance is shared by every request
/// task; a lookup scans a copy-on-write snapshot of its scope outside the lock and takes the
/// lock again only to count the hit and drop expired entries. Persistence is the caller's:
/// every method that changes an entry returns it, a ``SemanticCacheEntry`` is a `Codable` row,
/// and ``init(policy:entries:)`` takes the saved rows back.
///
/// ```swift
/// let cache = SemanticCacheIndex()
/// let scope = CacheScope(tenantID: "bella", embedderID: embedder.identifier, knowledgeVersion: "v12", rendering: "plain")
/// let vector = try await embedder.embed([question])[0]
/// switch cache.lookup(question: question, vector: vector, scope: scope) {
/// case .hit(let entry, _, _): reply(entry.answer)
/// case .miss:
///     let answer = try await model.answer(question)
///     cache.insert(question: question, answer: answer.text, vector: vector, scope: scope, isGeneric: !answer.usedCustomerContext)
/// }
/// ```
public final class SemanticCacheIndex: Sendable {
    public let policy: SemanticCachePolicy
    private let state: Mutex<State>

    struct State {
        var scopes: [CacheScope: [SemanticCacheEntry]] = [:]
        var scopeOfEntry: [UUID: CacheScope] = [:]
        var statistics: [String: SemanticCacheStatistics] = [:]
    }

    /// - Parameters:
    ///   - policy: The decision rule's numbers.
    ///   - entries: Rows saved earlier; expired ones are kept until the next purge or lookup. The
    ///     signatures of their keys are extracted again from the questions (some 30 µs a key), so
    ///     rows saved by an older version of the rules follow the current ones.
    public init(policy: SemanticCachePolicy = SemanticCachePolicy(), entries: [SemanticCacheEntry] = []) {
        self.policy = policy
        var state = State()
        for var entry in entries {
            for index in entry.keys.indices {
                entry.keys[index].signature = QuestionSignature(entry.keys[index].question)
            }
            state.scopes[entry.scope, default: []].append(entry)
            state.scopeOfEntry[entry.id] = entry.scope
        }
        self.state = Mutex(state)
    }

    // MARK: - Inserting

    /// Caches `answer` for one question; see ``insert(keys:answer:scope:isGeneric:source:now:timeToLive:)``.
    @discardableResult
    public func insert(
        question: String,
        answer: String,
        vector: [Float],
        scope: CacheScope,
        isGeneric: Bool,
        source: CacheEntrySource = .generated,
        now: Date = Date(),
        timeToLive: TimeInterval? = nil
    ) -> CacheInsertOutcome {
        insert(keys: [CacheKey(question: question, vector: vector)], answer: answer, scope: scope,
               isGeneric: isGeneric, source: source, now: now, timeToLive: timeToLive)
    }

    /// Caches `answer` under one or several phrasings (a knowledge-base entry and its
    /// paraphrases).
    ///
    /// Refused when the answer used customer-specific context (`isGeneric` false), when a
    /// phrasing is personal ("where is my order"), or without a usable vector. When an entry of
    /// the scope already has the same answer, the phrasings are added to it as paraphrase keys.
    @discardableResult
    public func insert(
        keys: [CacheKey],
        answer: String,
        scope: CacheScope,
        isGeneric: Bool,
        source: CacheEntrySource = .generated,
        now: Date = Date(),
        timeToLive: TimeInterval? = nil
    ) -> CacheInsertOutcome {
        guard isGeneric else { return .refused(.notGeneric) }
        if let personal = keys.first(where: \.signature.isPersonal), let marker = personal.signature.personalMarker {
            return .refused(.personalQuestion(marker: marker))
        }
        let keys = keys.filter { CacheVectors.dot($0.vector, $0.vector) > 0.5 }
        guard let dimension = keys.first?.vector.count else { return .refused(.noVector) }
        if let other = keys.first(where: { $0.vector.count != dimension }) {
            return .refused(.dimensionMismatch(expected: dimension, got: other.vector.count))
        }
        let expiresAt = now.addingTimeInterval(timeToLive ?? policy.timeToLive)
        return state.withLock { state in
            var entries = state.scopes.removeValue(forKey: scope) ?? []  // moved out: no copy on write
            defer { state.scopes[scope] = entries.isEmpty ? nil : entries }
            if let expected = entries.first?.keys.first?.vector.count, expected != dimension {
                return .refused(.dimensionMismatch(expected: expected, got: dimension))
            }
            let answerKey = Self.comparable(answer)
            if let index = entries.firstIndex(where: { Self.comparable($0.answer) == answerKey }) {
                for key in keys { Self.add(key, to: &entries[index], limit: policy.maxKeysPerEntry) }
                entries[index].expiresAt = max(entries[index].expiresAt, expiresAt)
                return .merged(entries[index])
            }
            for expired in entries where expired.isExpired(at: now) { state.scopeOfEntry[expired.id] = nil }
            entries.removeAll { $0.isExpired(at: now) }
            if entries.count >= policy.maxEntriesPerScope, let soonest = entries.indices.min(by: { entries[$0].expiresAt < entries[$1].expiresAt }) {
                state.scopeOfEntry[entries[soonest].id] = nil
                entries.remove(at: soonest)
            }
            var entry = SemanticCacheEntry(scope: scope, keys: [], answer: answer, source: source, createdAt: now, expiresAt: expiresAt)
            for key in keys { Self.add(key, to: &entry, limit: policy.maxKeysPerEntry) }
            entries.append(entry)
            state.scopeOfEntry[entry.id] = scope
            return .stored(entry)
        }
    }

    /// Adds a phrasing to an entry, typically a question that was served this entry's answer and
    /// confirmed right. Personal questions, zero vectors and vectors of another dimension are
    /// ignored. Returns the entry, nil if there is no such entry (or the question is personal).
    @discardableResult
    public func addParaphrase(_ key: CacheKey, toEntry entryID: UUID) -> SemanticCacheEntry? {
        guard !key.signature.isPersonal, CacheVectors.dot(key.vector, key.vector) > 0.5 else { return nil }
        return update(entryID) { entry in
            guard entry.keys.first?.vector.count == key.vector.count else { return }
            Self.add(key, to: &entry, limit: policy.maxKeysPerEntry)
        }
    }

    // MARK: - Evidence

    /// Records whether an answer was right for a question at similarity `score` (by default the
    /// similarity it was last served at), which moves the entry's threshold; see
    /// ``CacheEvidence/threshold(source:policy:)``. Returns the updated entry.
    @discardableResult
    public func recordFeedback(entryID: UUID, correct: Bool, score: Float? = nil) -> SemanticCacheEntry? {
        update(entryID) { entry in
            let observed = score ?? entry.evidence.lastServedScore ?? min(entry.threshold(policy: policy), 1)
            entry.evidence.record(correct: correct, score: observed)
        }
    }

    // MARK: - Removing

    /// Removes every entry of `scope`; returns their ids (for the caller's store).
    @discardableResult
    public func invalidate(scope: CacheScope) -> [UUID] {
        state.withLock { state in
            let removed = state.scopes.removeValue(forKey: scope) ?? []
            for entry in removed { state.scopeOfEntry[entry.id] = nil }
            return removed.map(\.id)
        }
    }

    /// Removes every entry of a tenant, in all scopes: call it when its knowledge base or persona
    /// changes (and bump the scope's `knowledgeVersion`). Returns their ids.
    @discardableResult
    public func invalidate(tenantID: String) -> [UUID] {
        state.withLock { state in
            var ids: [UUID] = []
            for scope in state.scopes.keys where scope.tenantID == tenantID {
                let removed = state.scopes.removeValue(forKey: scope) ?? []
                for entry in removed { state.scopeOfEntry[entry.id] = nil }
                ids += removed.map(\.id)
            }
            return ids
        }
    }

    /// Removes one entry; returns it.
    @discardableResult
    public func remove(entryID: UUID) -> SemanticCacheEntry? {
        state.withLock { state in
            guard let scope = state.scopeOfEntry.removeValue(forKey: entryID),
                  let index = state.scopes[scope]?.firstIndex(where: { $0.id == entryID }) else { return nil }
            return state.scopes[scope]?.remove(at: index)
        }
    }

    /// Removes the entries expired at `now`; returns their ids.
    @discardableResult
    public func purgeExpired(now: Date = Date()) -> [UUID] {
        state.withLock { state in
            var ids: [UUID] = []
            for (scope, entries) in state.scopes where entries.contains(where: { $0.isExpired(at: now) }) {
                let expired = entries.filter { $0.isExpired(at: now) }
                for entry in expired { state.scopeOfEntry[entry.id] = nil }
                let live = entries.filter { !$0.isExpired(at: now) }
                state.scopes[scope] = live.isEmpty ? nil : live
                ids += expired.map(\.id)
            }
            return ids
        }
    }

    // MARK: - Reading

    public func entry(id: UUID) -> SemanticCacheEntry? {
        state.withLock { state in
            state.scopeOfEntry[id].flatMap { scope in state.scopes[scope]?.first { $0.id == id } }
        }
    }

    /// The entries of a scope, expired ones included, for persistence.
    public func entries(in scope: CacheScope) -> [SemanticCacheEntry] {
        state.withLock { $0.scopes[scope] ?? [] }
    }

    /// Entries in all scopes.
    public var count: Int {
        state.withLock { $0.scopeOfEntry.count }
    }

    /// Hits and misses of a tenant's lookups since start.
    public func statistics(tenantID: String) -> SemanticCacheStatistics {
        state.withLock { $0.statistics[tenantID] ?? SemanticCacheStatistics() }
    }

    // MARK: - Internals

    func withState<Result>(_ body: (inout State) -> Result) -> Result {
        state.withLock { body(&$0) }
    }

    private func update(_ entryID: UUID, _ change: (inout SemanticCacheEntry) -> Void) -> SemanticCacheEntry? {
        state.withLock { state in
            guard let scope = state.scopeOfEntry[entryID],
                  let index = state.scopes[scope]?.firstIndex(where: { $0.id == entryID }) else { return nil }
            change(&state.scopes[scope, default: []][index])
            return state.scopes[scope]?[index]
        }
    }

    /// Appends `key` unless the entry already has a near-identical one or is full.
    private static func add(_ key: CacheKey, to entry: inout SemanticCacheEntry, limit: Int) {
        guard entry.keys.count < limit,
              !entry.keys.contains(where: { CacheVectors.dot($0.vector, key.vector) > 0.999 && $0.signature == key.signature }) else { return }
        entry.keys.append(key)
    }

    /// Answers compared without surrounding whitespace and case.
    static func comparable(_ answer: String) -> String {
        answer.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
