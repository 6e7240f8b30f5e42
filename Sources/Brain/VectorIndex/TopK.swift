/// Keeps the `k` best-scoring slots of a scan in a min-heap of size `k`.
struct TopK {
    let k: Int
    private var heap: ScoreHeap

    init(k: Int) {
        self.k = k
        heap = ScoreHeap(capacity: k)
    }

    var count: Int { heap.count }

    /// Whether a slot with this score would be kept; check it before paying for a filter.
    @inline(__always)
    func admits(_ score: Float) -> Bool {
        heap.count < k || score > heap.top.score
    }

    @inline(__always)
    mutating func insert(_ element: ScoredSlot) {
        if heap.count < k {
            heap.push(element)
        } else if element.score > heap.top.score {
            heap.replaceTop(with: element)
        }
    }

    /// The kept slots as ids, best first; equal scores in ascending id order.
    func results(id: (Int32) -> Int64) -> [(id: Int64, score: Float)] {
        heap.elements
            .map { (id: id($0.slot), score: $0.score) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
    }
}

extension TopK {
    /// The `k` best rows of a scan over `rows`, best first, as ids: `score` is asked for every
    /// row, `filter` only for a row whose score would enter the top `k` (so an unselective
    /// filter costs almost nothing).
    @inline(__always)
    static func best(
        k: Int,
        of rows: some Sequence<Int>,
        ids: [Int64],
        filter: ((Int64) -> Bool)?,
        score: (Int) -> Float
    ) -> [(id: Int64, score: Float)] {
        var top = TopK(k: Swift.min(k, ids.count))
        for row in rows {
            let score = score(row)
            guard top.admits(score) else { continue }
            if let filter, !filter(ids[row]) { continue }
            top.insert(ScoredSlot(score: score, slot: Int32(truncatingIfNeeded: row)))
        }
        return top.results { ids[Int($0)] }
    }
}
