/// The ids of a dense row store and the row each lives in: row `slot` holds the vector of
/// `ids[slot]`. Removing moves the last row into the hole, so the rows stay dense; the store
/// moves its vector data the same way.
struct VectorSlots: Sendable {
    /// The id of each row, in storage order.
    private(set) var ids: [Int64] = []
    private var slots: [Int64: Int] = [:]

    init() {}

    /// Rows already laid out in this order (ids known to be distinct).
    init(ids: [Int64]) {
        self.ids = ids
        slots.reserveCapacity(ids.count)
        for (slot, id) in ids.enumerated() { slots[id] = slot }
    }

    var count: Int { ids.count }

    /// The row of a live id.
    @inline(__always)
    func slot(of id: Int64) -> Int? {
        slots[id]
    }

    /// The rows of the live ids among `candidates`, ascending, each once (unknown ids skipped).
    func rows(of candidates: some Collection<Int64>) -> [Int] {
        var rows = candidates.compactMap { slots[$0] }
        rows.sort()
        return rows.removingAdjacentDuplicates()
    }

    mutating func reserveCapacity(_ capacity: Int) {
        ids.reserveCapacity(capacity)
        slots.reserveCapacity(capacity)
    }

    /// Gives a new id the next row; returns that row.
    mutating func append(_ id: Int64) -> Int {
        let slot = ids.count
        slots[id] = slot
        ids.append(id)
        return slot
    }

    /// Forgets `id`. Returns nil when it was not live, else the row it left (`hole`) and the
    /// last row (`last`), whose vector the store must move into the hole (when they differ)
    /// before dropping its last row.
    mutating func remove(_ id: Int64) -> (hole: Int, last: Int)? {
        guard let hole = slots.removeValue(forKey: id) else { return nil }
        let last = ids.count - 1
        if hole != last {
            ids[hole] = ids[last]
            slots[ids[hole]] = hole
        }
        ids.removeLast()
        return (hole, last)
    }

    /// Allocated bytes of the id list and (estimated) the id → row table.
    var bookkeepingBytes: Int {
        ids.capacity * MemoryLayout<Int64>.stride + slots.capacity * (MemoryLayout<Int64>.stride + MemoryLayout<Int>.stride + 1)
    }
}
