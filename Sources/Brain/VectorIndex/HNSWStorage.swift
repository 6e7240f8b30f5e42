/// The buffers of an HNSW graph, allocated by hand: build threads write disjoint nodes through
/// pointers, which Swift arrays cannot offer (a shared array would be copied or trap).
///
/// Not thread-safe by itself: growing and appending need exclusive access (the index's write
/// lock, or a build that has not published the index yet); `graph` is valid until the next growth.
final class HNSWStorage {
    let dimension: Int
    let m: Int
    let m0: Int
    private(set) var capacity = 0
    /// Slots in use, live and deleted.
    private(set) var count = 0
    private(set) var graph: HNSWGraph
    /// Bytes of the upper-level link blocks.
    private(set) var upperBytes = 0

    init(dimension: Int, m: Int, m0: Int) {
        self.dimension = dimension
        self.m = m
        self.m0 = m0
        graph = HNSWStorage.allocate(dimension: dimension, m: m, m0: m0, capacity: 0)
    }

    deinit {
        for slot in 0 ..< count {
            graph.upper[slot]?.deallocate()
        }
        HNSWStorage.free(graph)
    }

    /// Makes room for at least `minimum` slots: exactly that many when asked for more than
    /// half again the capacity (a bulk build), else growing by half (amortized appends).
    func reserve(_ minimum: Int) {
        guard minimum > capacity else { return }
        let newCapacity = max(minimum, capacity + capacity / 2, 16)
        let old = graph
        let new = HNSWStorage.allocate(dimension: dimension, m: m, m0: m0, capacity: newCapacity)
        new.vectors.update(from: old.vectors, count: count * dimension)
        new.level0.update(from: old.level0, count: count * (m0 + 1))
        new.upper.update(from: old.upper, count: count)
        new.levels.update(from: old.levels, count: count)
        new.ids.update(from: old.ids, count: count)
        new.deleted.update(from: old.deleted, count: count)
        HNSWStorage.free(old)
        graph = new
        capacity = newCapacity
    }

    /// Appends an unlinked node: its vector, id, level and empty link lists.
    ///
    /// - Precondition: `count < capacity`.
    func append(id: Int64, vector: UnsafePointer<Float>, level: Int) -> Int32 {
        precondition(count < capacity, "HNSWStorage.append without reserve")
        let slot = count
        graph.vector(Int32(slot)).update(from: vector, count: dimension)
        graph.level0[slot * (m0 + 1)] = 0
        graph.levels[slot] = UInt8(level)
        graph.ids[slot] = id
        graph.deleted[slot] = false
        if level > 0 {
            let block = UnsafeMutablePointer<Int32>.allocate(capacity: level * (m + 1))
            block.initialize(repeating: 0, count: level * (m + 1))
            graph.upper[slot] = block
            upperBytes += level * (m + 1) * MemoryLayout<Int32>.stride
        } else {
            graph.upper[slot] = nil
        }
        count += 1
        return Int32(slot)
    }

    /// Allocated bytes: vectors, then links and levels, then ids and deleted flags.
    var footprint: (vectors: Int, graph: Int, bookkeeping: Int) {
        let vectors = capacity * dimension * MemoryLayout<Float>.stride
        let links = capacity * ((m0 + 1) * MemoryLayout<Int32>.stride + MemoryLayout<UnsafeMutablePointer<Int32>?>.stride + 1) + upperBytes
        let bookkeeping = capacity * (MemoryLayout<Int64>.stride + MemoryLayout<Bool>.stride)
        return (vectors, links, bookkeeping)
    }

    private static func allocate(dimension: Int, m: Int, m0: Int, capacity: Int) -> HNSWGraph {
        let slots = max(capacity, 1)
        // Vectors 64-byte aligned: a 384-float row then never straddles more cache lines than needed.
        let vectors = UnsafeMutableRawPointer
            .allocate(byteCount: slots * dimension * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: slots * dimension)
        return HNSWGraph(
            dimension: dimension, m: m, m0: m0,
            vectors: vectors,
            level0: .allocate(capacity: slots * (m0 + 1)),
            upper: .allocate(capacity: slots),
            levels: .allocate(capacity: slots),
            ids: .allocate(capacity: slots),
            deleted: .allocate(capacity: slots)
        )
    }

    private static func free(_ graph: HNSWGraph) {
        UnsafeMutableRawPointer(graph.vectors).deallocate()
        graph.level0.deallocate()
        graph.upper.deallocate()
        graph.levels.deallocate()
        graph.ids.deallocate()
        graph.deleted.deallocate()
    }
}
