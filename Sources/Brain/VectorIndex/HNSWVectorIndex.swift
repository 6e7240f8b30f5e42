/// An approximate nearest-neighbour index: a Hierarchical Navigable Small World graph
/// (Malkov & Yashunin) over dot-product scores, for collections too large to scan per query.
///
/// - Levels: a node reaches level l with probability m^−l (mL = 1/ln m); it keeps at most `m`
///   links above level 0 and `m0 = 2m` on level 0, chosen by the paper's diversity heuristic.
/// - Deletion marks a node: it is never returned but still walked through, so the graph stays
///   connected. `deletedCount` grows until the graph is rebuilt (`TieredVectorIndex` asks for
///   that past its policy's fraction). Re-adding an id stores a new node.
/// - Filters: the walk admits only ids the filter accepts (rejected nodes still lead on); when
///   it has scored about a quarter of the graph without finding enough, the search scans
///   instead (filter first), so a selective filter costs one scan and stays exact.
///   `search(query:k:among:)` scans candidate sets up to `parameters.exactCandidateLimit` directly.
/// - Determinism: levels come from `parameters.seed`; a graph built on one thread (or by
///   `add`) is the same on every run. Builds on several threads interleave differently each run.
///
/// Thread safety: a reference type guarded by a readers–writer lock. Any number of searches
/// run at once; `add` and `remove` wait for them and run alone (writers are preferred on Linux).
/// A search blocks its thread while an insert (about a millisecond) holds the lock.
///
///     let graph = HNSWVectorIndex.build(from: exact, parameters: HNSWParameters(efSearch: 96), threads: 2)
///     let hits = try graph.search(query: question, k: 10, filter: nil)
public final class HNSWVectorIndex: VectorIndex, @unchecked Sendable {
    // @unchecked Sendable: every stored `var` and everything reachable from `storage` is read
    // with `lock` held for reading and written with it held for writing (or before the index
    // is returned from `build`, by build threads that coordinate through NodeLocks and
    // HNSWEntryPoint); the pools and the entry point carry their own locks.
    public let dimension: Int
    public let parameters: HNSWParameters
    private let lock = ReadWriteLock()
    let storage: HNSWStorage
    let entryPoint = HNSWEntryPoint()
    private let visitedLists = VisitedListPool()
    var slots: [Int64: Int32] = [:]
    var generator: SeededGenerator

    /// An empty graph of `dimension`-long vectors.
    ///
    /// - Precondition: `dimension > 0`; `parameters.m ≥ 2`, its ef values ≥ 1.
    public init(dimension: Int, parameters: HNSWParameters = HNSWParameters()) {
        precondition(dimension > 0, "a vector index needs a positive dimension, got \(dimension)")
        precondition(parameters.m >= 2 && parameters.efConstruction >= 1 && parameters.efSearch >= 1,
                     "invalid HNSW parameters \(parameters)")
        self.dimension = dimension
        self.parameters = parameters
        storage = HNSWStorage(dimension: dimension, m: parameters.m, m0: parameters.m0)
        generator = SeededGenerator(seed: parameters.seed)
    }

    public var count: Int {
        lock.withReadLock { slots.count }
    }

    /// Nodes marked deleted (or replaced) and still in the graph.
    public var deletedCount: Int {
        lock.withReadLock { storage.count - slots.count }
    }

    /// Allocated bytes; the id table is estimated from its capacity.
    public var footprint: VectorIndexFootprint {
        lock.withReadLock {
            let buffers = storage.footprint
            let table = slots.capacity * (MemoryLayout<Int64>.stride + MemoryLayout<Int32>.stride + 1)
            return VectorIndexFootprint(vectorBytes: buffers.vectors, graphBytes: buffers.graph,
                                        bookkeepingBytes: buffers.bookkeeping + table)
        }
    }

    public func contains(_ id: Int64) -> Bool {
        lock.withReadLock { slots[id] != nil }
    }

    public func vector(for id: Int64) -> [Float]? {
        lock.withReadLock {
            guard let slot = slots[id] else { return nil }
            return Array(UnsafeBufferPointer(start: storage.graph.vector(slot), count: dimension))
        }
    }

    /// Makes room for `capacity` nodes (live and deleted) at once: growing reallocates every
    /// buffer under the write lock, which at a million vectors blocks searches for a moment.
    public func reserveCapacity(_ capacity: Int) {
        lock.withWriteLock {
            storage.reserve(capacity)
            slots.reserveCapacity(capacity)
        }
    }

    /// Inserts `vector` under `id` (about `efConstruction × m0` dot products). Adding an id
    /// again with a different vector deletes its old node and inserts a new one.
    public func add(id: Int64, vector: [Float]) throws {
        try VectorIndexError.validate(vector, dimension: dimension)
        lock.withWriteLock {
            if let old = slots[id] {
                let unchanged = vector.withUnsafeBufferPointer { new in
                    UnsafeBufferPointer(start: storage.graph.vector(old), count: dimension).elementsEqual(new)
                }
                if unchanged { return }
                storage.graph.deleted[Int(old)] = true
            }
            storage.reserve(storage.count + 1)
            let level = parameters.drawLevel(using: &generator)
            let slot = vector.withUnsafeBufferPointer { buffer in
                // A validated vector has `dimension > 0` elements, so the base address exists.
                storage.append(id: id, vector: buffer.baseAddress.unsafelyUnwrapped, level: level)
            }
            slots[id] = slot
            let graph = storage.graph
            visitedLists.withList(capacity: storage.count) { visited in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: parameters.m0) { scratch in
                    guard let buffer = scratch.baseAddress else { return }
                    graph.insert(slot, entryPoint: entryPoint, efConstruction: parameters.efConstruction,
                                 locks: nil, visited: visited, buffer: buffer)
                }
            }
        }
    }

    @discardableResult
    public func remove(id: Int64) -> Bool {
        lock.withWriteLock {
            guard let slot = slots.removeValue(forKey: id) else { return false }
            storage.graph.deleted[Int(slot)] = true
            return true
        }
    }

    /// The live vectors as an exact index (a full copy): what a compacting rebuild starts from.
    public func snapshot() -> ExactVectorIndex {
        lock.withReadLock {
            var copy = ExactVectorIndex(dimension: dimension)
            copy.reserveCapacity(slots.count)
            let graph = storage.graph
            for slot in 0 ..< Int32(storage.count) where !graph.deleted[Int(slot)] {
                copy.appendUnchecked(id: graph.ids[Int(slot)], vector: UnsafeBufferPointer(start: graph.vector(slot), count: dimension))
            }
            return copy
        }
    }

    // MARK: - Internal, for search and build

    /// Runs `body` with the lock held for reading.
    func withReadAccess<Result>(_ body: () throws -> Result) rethrows -> Result {
        try lock.withReadLock(body)
    }

    /// Runs `body` with the lock held for writing.
    func withWriteAccess<Result>(_ body: () throws -> Result) rethrows -> Result {
        try lock.withWriteLock(body)
    }

    /// Runs `body` with a visited list for the current graph size.
    func withVisitedList<Result>(_ body: (VisitedList) throws -> Result) rethrows -> Result {
        try visitedLists.withList(capacity: storage.count, body)
    }
}
