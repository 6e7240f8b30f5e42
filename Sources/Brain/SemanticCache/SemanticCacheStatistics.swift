/// Served and refused questions of one tenant, for analytics. The caller multiplies hits by the
/// price of the model call it saved.
public struct SemanticCacheStatistics: Sendable, Hashable, Codable {
    public var hits: Int
    /// Misses by ``CacheMissReason/code``.
    public var misses: [String: Int]

    public init(hits: Int = 0, misses: [String: Int] = [:]) {
        self.hits = hits
        self.misses = misses
    }

    public var lookups: Int { hits + misses.values.reduce(0, +) }
}

extension SemanticCacheStatistics {
    mutating func count(_ decision: CacheDecision) {
        switch decision {
        case .hit: hits += 1
        case .miss(let reason): misses[reason.code, default: 0] += 1
        }
    }
}
