import Foundation

/// A cached answer and the phrasings it answers: one row for the caller to persist (`Codable`).
///
/// Its threshold is not stored: it follows from the evidence and the policy
/// (``threshold(policy:)``), so a recalibrated policy applies to old entries at once.
public struct SemanticCacheEntry: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var scope: CacheScope
    /// One key per known paraphrase; the first is the question the entry was made for.
    public var keys: [CacheKey]
    public var answer: String
    public var source: CacheEntrySource
    public var createdAt: Date
    public var expiresAt: Date
    public var evidence: CacheEvidence

    public init(
        id: UUID = UUID(),
        scope: CacheScope,
        keys: [CacheKey],
        answer: String,
        source: CacheEntrySource,
        createdAt: Date,
        expiresAt: Date,
        evidence: CacheEvidence = CacheEvidence()
    ) {
        self.id = id
        self.scope = scope
        self.keys = keys
        self.answer = answer
        self.source = source
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.evidence = evidence
    }

    /// The question the entry was made for.
    public var question: String { keys.first?.question ?? "" }

    /// The similarity a question needs to be served this answer, from the entry's evidence.
    public func threshold(policy: SemanticCachePolicy) -> Float {
        evidence.threshold(source: source.kind, policy: policy)
    }

    public func isExpired(at now: Date) -> Bool {
        now >= expiresAt
    }
}
