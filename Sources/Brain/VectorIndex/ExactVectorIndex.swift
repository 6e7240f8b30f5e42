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
    private var slots = VectorSlots()

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
        self.storage = storage
        slots = VectorSlots(ids: ids)
    }

    /// The id of each row, in storage order.
    public var ids: [Int64] { slots.ids }

    public var count: Int { slots.count }

    public func contains(_ id: Int64) -> Bool {
        slots.slot(of: id) != nil
    }

    public func vector(for id: Int64) -> [Float]? {
        guard let slot = slots.slot(of: id) else { return nil }
        return Array(storage[slot * dimension ..< (slot + 1) * dimension])
    }

    /// Makes room for `capacity` vectors without reallocating.
    public mutating func reserveCapacity(_ capacity: Int) {
        storage.reserveCapacity(capacity * dimension)
        slots.reserveCapacity(capacity)
    }

    public mutating func add(id: Int64, vector: [Float]) throws {
        try VectorIndexError.validate(vector, dimension: dimension)
        if let slot = slots.slot(of: id) {
            storage.replaceSubrange(slot * dimension ..< (slot + 1) * dimension, with: vector)
            return
        }
        _ = slots.append(id)
        storage.append(contentsOf: vector)
    }

    @discardableResult
    public mutating func remove(id: Int64) -> Bool {
        guard let (hole, last) = slots.remove(id) else { return false }
        if hole != last {
            let dimension = dimension
            storage.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                (base + hole * dimension).update(from: base + last * dimension, count: dimension)
            }
        }
        storage.removeLast(dimension)
        return true
    }

    /// Appends a vector known to be valid under an id known to be new (copying out of a graph).
    mutating func appendUnchecked(id: Int64, vector: UnsafeBufferPointer<Float>) {
        _ = slots.append(id)
        storage.append(contentsOf: vector)
    }

    /// Allocated bytes; the id table is estimated from its capacity.
    public var footprint: VectorIndexFootprint {
        VectorIndexFootprint(
            vectorBytes: storage.capacity * MemoryLayout<Float>.stride,
            graphBytes: 0,
            bookkeepingBytes: slots.bookkeepingBytes
        )
    }

    /// The rows of the live ids among `candidates`, ascending, each once.
    func rows(of candidates: some Collection<Int64>) -> [Int] {
        slots.rows(of: candidates)
    }
}
