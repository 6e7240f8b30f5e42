/// What ``SemanticCacheIndex/insert(keys:answer:scope:isGeneric:source:now:timeToLive:)`` did.
public enum CacheInsertOutcome: Sendable {
    /// A new entry.
    case stored(SemanticCacheEntry)
    /// An entry with the same answer already existed; the question was added as a paraphrase key.
    case merged(SemanticCacheEntry)
    /// Nothing was stored.
    case refused(CacheInsertRefusal)

    public var entry: SemanticCacheEntry? {
        switch self {
        case .stored(let entry), .merged(let entry): entry
        case .refused: nil
        }
    }
}

/// Why an answer was not cached.
public enum CacheInsertRefusal: Sendable, Hashable {
    /// The answer used customer-specific context.
    case notGeneric
    /// The question is personal; its answer would depend on who asks.
    case personalQuestion(marker: String)
    /// No vector, or a zero vector.
    case noVector
    /// The vectors' dimension differs from the scope's.
    case dimensionMismatch(expected: Int, got: Int)
}
