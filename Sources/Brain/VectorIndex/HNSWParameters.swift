import Foundation

/// The knobs of an `HNSWVectorIndex`, named as in the HNSW paper (Malkov & Yashunin) and hnswlib.
///
///     let parameters = HNSWParameters(m: 16, efConstruction: 128, efSearch: 64)
public struct HNSWParameters: Sendable, Hashable {
    /// Links a new node makes on each of its levels, and the most a node keeps above level 0.
    /// More links: better recall, more memory (4 bytes a link) and slower inserts.
    public var m: Int
    /// Candidates examined when linking a new node (the beam width of insertion). Higher builds a
    /// better graph, proportionally slower.
    public var efConstruction: Int
    /// Candidates examined per query unless a search passes its own; raised to `k` when smaller.
    /// The recall/latency dial.
    public var efSearch: Int
    /// Seeds the level of each node; with one build thread the same seed gives the same graph.
    public var seed: UInt64
    /// `search(query:k:among:)` scans candidate sets up to this size exactly; larger sets become
    /// a filtered graph search.
    public var exactCandidateLimit: Int

    /// - Precondition: `m ≥ 2`, `efConstruction ≥ 1`, `efSearch ≥ 1`.
    public init(m: Int = 16, efConstruction: Int = 128, efSearch: Int = 64, seed: UInt64 = 0x5EED, exactCandidateLimit: Int = 10_000) {
        precondition(m >= 2, "HNSW needs m ≥ 2, got \(m)")
        precondition(efConstruction >= 1 && efSearch >= 1, "ef values must be positive")
        self.m = m
        self.efConstruction = efConstruction
        self.efSearch = efSearch
        self.seed = seed
        self.exactCandidateLimit = exactCandidateLimit
    }

    /// The most links a node keeps on level 0, the densest level: `2 m`, as the paper advises.
    public var m0: Int { 2 * m }

    /// mL = 1 / ln(m): a node reaches level l with probability m^−l.
    public var levelMultiplier: Double { 1 / log(Double(m)) }

    /// Draws a node's top level: ⌊−ln(u) · mL⌋ for u uniform in (0, 1], capped at 31.
    func drawLevel(using generator: inout SeededGenerator) -> Int {
        let uniform = 1 - Double.random(in: 0 ..< 1, using: &generator)
        return min(Int(-log(uniform) * levelMultiplier), 31)
    }
}
