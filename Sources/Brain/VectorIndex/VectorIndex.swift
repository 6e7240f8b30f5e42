/// A collection of same-length vectors keyed by `Int64` ids (message rowids, cache entry ids)
/// that answers "which stored vectors score highest against this query".
///
/// Scores are dot products. The `Embedder`'s vectors are L2-normalized, so a score is a cosine
/// in −1…1; the index itself normalizes nothing. Results are sorted by descending score, equal
/// scores by ascending id.
///
/// Implementations: `ExactVectorIndex` (a value; a SIMD scan of every vector, exact; float32 or
/// float16 components), `HNSWVectorIndex` (a graph; approximate, sub-linear) and
/// `TieredVectorIndex`, which starts exact and moves to a graph past a size threshold.
///
///     var index = ExactVectorIndex(dimension: 384)
///     try index.add(id: rowid, vector: embedding)
///     let hits = try index.search(query: question, k: 5, filter: { $0 != currentMessage })
public protocol VectorIndex {
    /// The length of every vector and query.
    var dimension: Int { get }
    /// The number of live (not removed) vectors.
    var count: Int { get }
    /// Whether a live vector has this id.
    func contains(_ id: Int64) -> Bool
    /// The stored vector of `id`, if it is live.
    func vector(for id: Int64) -> [Float]?
    /// Stores `vector` under `id`, replacing the vector the id had.
    ///
    /// - Throws: `VectorIndexError` (`.dimensionMismatch`, `.invalidVector`) before changing anything.
    mutating func add(id: Int64, vector: [Float]) throws
    /// Removes the vector of `id`; returns whether there was one.
    @discardableResult
    mutating func remove(id: Int64) -> Bool
    /// The `k` stored vectors that score highest against `query`, best first.
    ///
    /// - Parameters:
    ///   - k: how many results at most; fewer when fewer vectors (pass the filter); 0 gives none.
    ///   - filter: when given, only ids for which it returns `true` are results. For a selective
    ///     filter whose ids you know (one customer's messages) pass them to
    ///     `search(query:k:among:)` instead.
    /// - Throws: `VectorIndexError.Code.dimensionMismatch` when `query` has the wrong length.
    func search(query: [Float], k: Int, filter: ((Int64) -> Bool)?) throws -> [(id: Int64, score: Float)]
    /// The `k` vectors among `candidates` that score highest against `query`: an exact scan of
    /// just those ids (unknown and removed ids are skipped, duplicates count once), or for a
    /// large set in a graph index, a filtered graph search.
    func search(query: [Float], k: Int, among candidates: some Collection<Int64>) throws -> [(id: Int64, score: Float)]
}

extension VectorIndex {
    /// Whether the index holds no live vector.
    public var isEmpty: Bool { count == 0 }

    /// The `k` stored vectors that score highest against `query`, best first.
    public func search(query: [Float], k: Int) throws -> [(id: Int64, score: Float)] {
        try search(query: query, k: k, filter: nil)
    }

    /// Stores each `(id, vector)` pair in order; stops at the first invalid vector.
    public mutating func add(contentsOf entries: some Sequence<(id: Int64, vector: [Float])>) throws {
        for entry in entries {
            try add(id: entry.id, vector: entry.vector)
        }
    }
}
