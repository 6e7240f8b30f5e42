import CHalfVectors

/// Vectors kept as IEEE float16, half the memory of ``ExactVectorIndex``, and searched the same
/// way: an exact scan (components widened to float32 as they are read, float32 sums).
///
/// For a store where memory, not scan speed, is what grows: the customer memory holds every
/// message of a tenant but searches only among one customer's ids. Rounding each component to
/// float16 (11 significant bits) moves a cosine between unit vectors by about 1e-4, far below
/// the gaps that rank a customer's messages.
///
///     var index = HalfVectorIndex(dimension: 384)
///     try index.add(id: rowid, vector: embedding)
///     let hits = try index.search(query: question, k: 3, among: customerRowids)
public struct HalfVectorIndex: VectorIndex, Sendable {
    public let dimension: Int
    /// `count × dimension` float16 bit patterns, row-major.
    private(set) var storage: [UInt16] = []
    private var slots = VectorSlots()

    /// An empty index of `dimension`-long vectors.
    ///
    /// - Precondition: `dimension > 0`.
    public init(dimension: Int) {
        precondition(dimension > 0, "a vector index needs a positive dimension, got \(dimension)")
        self.dimension = dimension
    }

    /// An index over float16 rows already laid out in `storage`, row `i` under `ids[i]` (bulk
    /// loading: no copy per vector). The caller has checked that the values are finite and the
    /// ids distinct.
    ///
    /// - Precondition: `storage.count == ids.count × dimension`.
    init(dimension: Int, ids: [Int64], storage: [UInt16]) {
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

    /// The stored vector of `id`, widened to float32 (each component as rounded to float16).
    public func vector(for id: Int64) -> [Float]? {
        guard let slot = slots.slot(of: id) else { return nil }
        return storage.withUnsafeBufferPointer { halves in
            [Float](unsafeUninitializedCapacity: dimension) { buffer, initialized in
                half_to_float(halves.baseAddress! + slot * dimension, buffer.baseAddress!, dimension)
                initialized = dimension
            }
        }
    }

    /// Makes room for `capacity` vectors without reallocating.
    public mutating func reserveCapacity(_ capacity: Int) {
        storage.reserveCapacity(capacity * dimension)
        slots.reserveCapacity(capacity)
    }

    /// Whether `vector` can be stored: `dimension` finite components within float16's range
    /// (a magnitude of 65520 or more rounds to infinity).
    public static func canHold(_ vector: [Float], dimension: Int) -> Bool {
        vector.count == dimension && vector.allSatisfy { $0.isFinite && abs($0) < 65520 }
    }

    /// Stores `vector`, rounded to float16, under `id`.
    ///
    /// - Throws: `VectorIndexError` for a wrong length, or a component that is not finite or is
    ///   beyond float16's range (±65504), before changing anything.
    public mutating func add(id: Int64, vector: [Float]) throws {
        try VectorIndexError.validate(vector, dimension: dimension)
        let halves = [UInt16](unsafeUninitializedCapacity: dimension) { buffer, initialized in
            _ = vector.withUnsafeBytes { half_from_float($0.baseAddress!, buffer.baseAddress!, dimension) }
            initialized = dimension
        }
        if let component = halves.firstIndex(where: { $0 & 0x7C00 == 0x7C00 }) {
            throw VectorIndexError.invalidVector(component: component)
        }
        if let slot = slots.slot(of: id) {
            storage.replaceSubrange(slot * dimension ..< (slot + 1) * dimension, with: halves)
            return
        }
        _ = slots.append(id)
        storage.append(contentsOf: halves)
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

    /// Allocated bytes; the id table is estimated from its capacity.
    public var footprint: VectorIndexFootprint {
        VectorIndexFootprint(vectorBytes: storage.capacity * MemoryLayout<UInt16>.stride, graphBytes: 0, bookkeepingBytes: slots.bookkeepingBytes)
    }

    /// The rows of the live ids among `candidates`, ascending, each once.
    func rows(of candidates: some Collection<Int64>) -> [Int] {
        slots.rows(of: candidates)
    }
}
