import CHalfVectors

/// Vectors stored contiguously (row `slot` holds the vector of `ids[slot]`), searched by
/// scanning all of them: exact, and fast enough below a few tens of thousands.
///
/// Components are kept as float32, or with ``Precision/float16`` as IEEE float16: half the
/// memory, widened to float32 as they are read (float32 sums). Rounding each component to 11
/// significant bits moves a cosine between unit vectors by about 1e-4: the customer memory,
/// which holds every message of a tenant but searches only among one customer's ids, keeps
/// float16; the indexes a graph is built from keep float32.
///
/// A value type: copies share storage until one is changed, so a snapshot to build a graph
/// from in the background costs nothing until the next write (which then copies once).
/// `remove` moves the last vector into the hole, so storage stays dense and slots change.
///
///     var index = ExactVectorIndex(dimension: 384)
///     try index.add(id: 42, vector: embedding)
///     let best = try index.search(query: question, k: 10)
public struct ExactVectorIndex: VectorIndex, Sendable {
    /// How an index keeps each component.
    public enum Precision: Sendable, Hashable {
        case float32
        /// IEEE half precision: half the memory; a magnitude of 65520 or more cannot be held.
        case float16

        /// Whether every component of `vector` is finite and, for float16, within its range.
        public func canHold(_ vector: [Float]) -> Bool {
            switch self {
            case .float32: vector.allSatisfy(\.isFinite)
            case .float16: vector.allSatisfy { $0.isFinite && abs($0) < 65520 }
            }
        }
    }

    public let dimension: Int
    public let precision: Precision
    /// `count × dimension` components, row-major (``Precision/float32``).
    private(set) var storage: [Float] = []
    /// `count × dimension` float16 bit patterns, row-major (``Precision/float16``).
    private(set) var halves: [UInt16] = []
    private var slots = VectorSlots()

    /// An empty index of `dimension`-long vectors.
    ///
    /// - Precondition: `dimension > 0`.
    public init(dimension: Int, precision: Precision = .float32) {
        precondition(dimension > 0, "a vector index needs a positive dimension, got \(dimension)")
        self.dimension = dimension
        self.precision = precision
    }

    /// A float32 index over vectors already laid out row-major in `storage`, row `i` under
    /// `ids[i]` (bulk loading: no copy per vector). The caller has checked that the components
    /// are finite and the ids distinct.
    ///
    /// - Precondition: `storage.count == ids.count × dimension`.
    init(dimension: Int, ids: [Int64], storage: [Float]) {
        self.init(dimension: dimension, precision: .float32)
        precondition(storage.count == ids.count * dimension, "\(storage.count) components do not make \(ids.count) vectors of \(dimension)")
        self.storage = storage
        slots = VectorSlots(ids: ids)
    }

    /// A float16 index over rows already laid out in `halves` (as ``init(dimension:ids:storage:)``).
    init(dimension: Int, ids: [Int64], halves: [UInt16]) {
        self.init(dimension: dimension, precision: .float16)
        precondition(halves.count == ids.count * dimension, "\(halves.count) components do not make \(ids.count) vectors of \(dimension)")
        self.halves = halves
        slots = VectorSlots(ids: ids)
    }

    /// The id of each row, in storage order.
    public var ids: [Int64] { slots.ids }

    public var count: Int { slots.count }

    public func contains(_ id: Int64) -> Bool {
        slots.slot(of: id) != nil
    }

    /// The stored vector of `id` (float16 components widened, as rounded).
    public func vector(for id: Int64) -> [Float]? {
        guard let slot = slots.slot(of: id) else { return nil }
        let rows = slot * dimension ..< (slot + 1) * dimension
        switch precision {
        case .float32:
            return Array(storage[rows])
        case .float16:
            return halves[rows].withUnsafeBufferPointer { row in
                [Float](unsafeUninitializedCapacity: dimension) { buffer, initialized in
                    half_to_float(row.baseAddress, buffer.baseAddress, dimension)
                    initialized = dimension
                }
            }
        }
    }

    /// Makes room for `capacity` vectors without reallocating.
    public mutating func reserveCapacity(_ capacity: Int) {
        switch precision {
        case .float32: storage.reserveCapacity(capacity * dimension)
        case .float16: halves.reserveCapacity(capacity * dimension)
        }
        slots.reserveCapacity(capacity)
    }

    /// Stores `vector` under `id`, replacing the vector the id had.
    ///
    /// - Throws: `VectorIndexError` for a wrong length, or a component that is not finite or
    ///   (float16) beyond ±65504, before changing anything.
    public mutating func add(id: Int64, vector: [Float]) throws {
        try VectorIndexError.validate(vector, dimension: dimension)
        let existing = slots.slot(of: id)
        switch precision {
        case .float32:
            Self.put(vector, at: existing, in: &storage, dimension: dimension)
        case .float16:
            Self.put(try Self.float16(vector), at: existing, in: &halves, dimension: dimension)
        }
        if existing == nil { _ = slots.append(id) }
    }

    @discardableResult
    public mutating func remove(id: Int64) -> Bool {
        guard let (hole, last) = slots.remove(id) else { return false }
        switch precision {
        case .float32: Self.moveRow(last, into: hole, of: &storage, dimension: dimension)
        case .float16: Self.moveRow(last, into: hole, of: &halves, dimension: dimension)
        }
        return true
    }

    /// Appends a vector known to be valid under an id known to be new (copying out of a graph).
    ///
    /// - Precondition: a float32 index.
    mutating func appendUnchecked(id: Int64, vector: UnsafeBufferPointer<Float>) {
        precondition(precision == .float32, "a graph's vectors go to a float32 index")
        _ = slots.append(id)
        storage.append(contentsOf: vector)
    }

    /// Allocated bytes; the id table is estimated from its capacity.
    public var footprint: VectorIndexFootprint {
        VectorIndexFootprint(
            vectorBytes: storage.capacity * MemoryLayout<Float>.stride + halves.capacity * MemoryLayout<UInt16>.stride,
            graphBytes: 0,
            bookkeepingBytes: slots.bookkeepingBytes
        )
    }

    /// The rows of the live ids among `candidates`, ascending, each once.
    func rows(of candidates: some Collection<Int64>) -> [Int] {
        slots.rows(of: candidates)
    }
}

extension ExactVectorIndex {
    /// `vector` (checked finite) as float16 bit patterns.
    ///
    /// - Throws: `VectorIndexError.invalidVector` naming a component beyond float16's range.
    private static func float16(_ vector: [Float]) throws -> [UInt16] {
        let (halves, unheld) = vector.float16BitPatterns()
        if let unheld { throw VectorIndexError.invalidVector(component: unheld) }
        return halves
    }

    /// Writes `row` over row `slot`, or appends it when there is no slot yet.
    private static func put<Component>(_ row: [Component], at slot: Int?, in rows: inout [Component], dimension: Int) {
        if let slot {
            rows.replaceSubrange(slot * dimension ..< (slot + 1) * dimension, with: row)
        } else {
            rows.append(contentsOf: row)
        }
    }

    /// Moves row `last` into row `hole` (unless they are one) and drops the last row.
    private static func moveRow<Component>(_ last: Int, into hole: Int, of rows: inout [Component], dimension: Int) {
        if hole != last {
            rows.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                (base + hole * dimension).update(from: base + last * dimension, count: dimension)
            }
        }
        rows.removeLast(dimension)
    }
}
