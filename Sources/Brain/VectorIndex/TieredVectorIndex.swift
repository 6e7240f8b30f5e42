/// The index a tenant's memory holds: an exact scan while small, an HNSW graph once it passes
/// `policy.graphThreshold`, rebuilt when deletions pile up.
///
/// It never builds a graph on its own inside `add`: `needsGraphBuild` says when one is due, and
/// the owner runs the build where CPU time is cheap (see `beginGraphBuild()`), or calls
/// `buildGraph(threads:)` to do it in place.
///
/// Thread safety: a reference type guarded by a readers–writer lock, like `HNSWVectorIndex`:
/// searches run concurrently, `add`, `remove` and `installGraph` run alone.
///
///     let memory = TieredVectorIndex(dimension: 384)
///     try memory.add(id: rowid, vector: embedding)
///     let similar = try memory.search(query: embedding, k: 5, among: customerMessageIDs)
public final class TieredVectorIndex: VectorIndex, @unchecked Sendable {
    // @unchecked Sendable: every stored `var` is read with `lock` held for reading and written
    // with it held for writing; the graph has its own lock as well.
    public let dimension: Int
    public let policy: VectorIndexPolicy
    let lock = ReadWriteLock()
    /// The backend until there is a graph; emptied when a graph is installed.
    var exact: ExactVectorIndex
    /// The backend once built.
    var graph: HNSWVectorIndex?
    /// A build in flight and the ids changed since its snapshot, to replay onto the new graph.
    var pendingBuild: (generation: Int, changed: Set<Int64>)?
    var generations = 0

    /// An empty index, exact until it grows past `policy.graphThreshold`.
    ///
    /// - Precondition: `dimension > 0`.
    public init(dimension: Int, policy: VectorIndexPolicy = VectorIndexPolicy()) {
        self.dimension = dimension
        self.policy = policy
        exact = ExactVectorIndex(dimension: dimension)
    }

    public var count: Int {
        lock.withReadLock { graph?.count ?? exact.count }
    }

    /// Whether searches walk a graph (else they scan every vector).
    public var isGraphBacked: Bool {
        lock.withReadLock { graph != nil }
    }

    public var footprint: VectorIndexFootprint {
        lock.withReadLock { graph?.footprint ?? exact.footprint }
    }

    public func contains(_ id: Int64) -> Bool {
        lock.withReadLock { graph?.contains(id) ?? exact.contains(id) }
    }

    public func vector(for id: Int64) -> [Float]? {
        lock.withReadLock { graph.map { $0.vector(for: id) } ?? exact.vector(for: id) }
    }

    public func add(id: Int64, vector: [Float]) throws {
        try lock.withWriteLock {
            if let graph {
                try graph.add(id: id, vector: vector)
            } else {
                try exact.add(id: id, vector: vector)
            }
            pendingBuild?.changed.insert(id)
        }
    }

    @discardableResult
    public func remove(id: Int64) -> Bool {
        lock.withWriteLock {
            let removed = graph?.remove(id: id) ?? exact.remove(id: id)
            if removed { pendingBuild?.changed.insert(id) }
            return removed
        }
    }

    public func search(query: [Float], k: Int, filter: ((Int64) -> Bool)?) throws -> [(id: Int64, score: Float)] {
        try lock.withReadLock {
            if let graph { return try graph.search(query: query, k: k, filter: filter) }
            return try exact.search(query: query, k: k, filter: filter)
        }
    }

    public func search(query: [Float], k: Int, among candidates: some Collection<Int64>) throws -> [(id: Int64, score: Float)] {
        try lock.withReadLock {
            if let graph { return try graph.search(query: query, k: k, among: candidates) }
            return try exact.search(query: query, k: k, among: candidates)
        }
    }
}
