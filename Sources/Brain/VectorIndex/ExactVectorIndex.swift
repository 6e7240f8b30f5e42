/// Vectors stored contiguously in one `[Float]` (row `slot` holds the vector of `ids[slot]`),
/// searched by scanning all of them: exact, and fast enough below a few tens of thousands.
///
/// A value type: copies share storage until one is changed, so a snapshot to build a graph
/// from in the background costs nothing until the next write (which then copies once).
/// `remove` moves the last vector into the hole, so storage stays dense and slots change.
///
///     var index = ExactVectorIndex(dimension: 384)
///     try index.add(id: 42, vector: embedding)
///     let best = try index.search(query: question, k: 10)
public struct ExactVectorIndex: VectorIndex, Sendable {
    public let dimension: Int
    /// `count × dimension` components, row-major.
    private(set) var storage: [Float] = []
    /// The id of each row, in storage order.
    public private(set) var ids: [Int64] = []
    private var slots: [Int64: Int] = [:]

    /// An empty index of `dimension`-long vectors.
    ///
    /// - Precondition: `dimension > 0`.
    public init(dimension: Int) {
        precondition(dimension > 0, "a vector index needs a positive dimension, got \(dimension)")
        self.dimension = dimension
    }

    /// An index over vectors already laid out row-major in `storage`, row `i` under `ids[i]`
    /// (bulk loading: no copy per vector). The caller has checked that the components are
    /// finite and the ids distinct.
    ///
    /// - Precondition: `storage.count == ids.count × dimension`.
    init(dimension: Int, ids: [Int64], storage: [Float]) {
        precondition(dimension > 0 && storage.count == ids.count * dimension, "\(storage.count) components do not make \(ids.count) vectors of \(dimension)")
        self.dimension = dimension
        self.ids = ids
        self.storage = storage
        slots.reserveCapacity(ids.count)
        for (slot, id) in ids.enumerated() { slots[id] = slot }
    }

    public var count: Int { ids.count }

    public func contains(_ id: Int64) -> Bool {
        slots[id] != nil
    }

    public func vector(for id: Int64) -> [Float]? {
        guard let slot = slots[id] else { return nil }
        return Array(storage[slot * dimension ..< (slot + 1) * dimension])
    }

    /// Makes room for `capacity` vectors without reallocating.
    public mutating func reserveCapacity(_ capacity: Int) {
        storage.reserveCapacity(capacity * dimension)
        ids.reserveCapacity(capacity)
        slots.reserveCapacity(capacity)
    }

    public mutating func add(id: Int64, vector: [Float]) throws {
        try VectorIndexError.validate(vector, dimension: dimension)
        if let slot = slots[id] {
            storage.replaceSubrange(slot * dimension ..< (slot + 1) * dimension, with: vector)
            return
        }
        slots[id] = ids.count
        ids.append(id)
        storage.append(contentsOf: vector)
    }

    @discardableResult
    public mutating func remove(id: Int64) -> Bool {
        guard let slot = slots.removeValue(forKey: id) else { return false }
        let last = ids.count - 1
        if slot != last {
            let dimension = dimension
            storage.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                (base + slot * dimension).update(from: base + last * dimension, count: dimension)
            }
            ids[slot] = ids[last]
            slots[ids[slot]] = slot
        }
        ids.removeLast()
        storage.removeLast(dimension)
        return true
    }

    /// Appends a vector known to be valid under an id known to be new (copying out of a graph).
    mutating func appendUnchecked(id: Int64, vector: UnsafeBufferPointer<Float>) {
        slots[id] = ids.count
        ids.append(id)
        storage.append(contentsOf: vector)
    }

    /// Allocated bytes; the id table is estimated from its capacity.
    public var footprint: VectorIndexFootprint {
        VectorIndexFootprint(
            vectorBytes: storage.capacity * MemoryLayout<Float>.stride,
            graphBytes: 0,
            bookkeepingBytes: ids.capacity * MemoryLayout<Int64>.stride
                + slots.capacity * (MemoryLayout<Int64>.stride + MemoryLayout<Int>.stride + 1)
        )
    }

    /// The storage slot of a live id.
    func slot(of id: Int64) -> Int? {
        slots[id]
    }
}
