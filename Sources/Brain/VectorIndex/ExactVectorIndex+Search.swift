extension ExactVectorIndex {
    /// Scans every vector: one dot product each, then the filter only for a score that would
    /// enter the top `k`, so an unselective filter costs almost nothing.
    public func search(query: [Float], k: Int, filter: ((Int64) -> Bool)?) throws -> [(id: Int64, score: Float)] {
        try VectorIndexError.validateQuery(query, dimension: dimension)
        guard k > 0, !ids.isEmpty else { return [] }
        return scan(query: query, k: k, slots: 0 ..< ids.count, filter: filter)
    }

    public func search(query: [Float], k: Int, among candidates: some Collection<Int64>) throws -> [(id: Int64, score: Float)] {
        try VectorIndexError.validateQuery(query, dimension: dimension)
        guard k > 0, !ids.isEmpty, !candidates.isEmpty else { return [] }
        var slots = candidates.compactMap { slot(of: $0) }
        slots.sort()
        return scan(query: query, k: k, slots: slots.removingAdjacentDuplicates(), filter: nil)
    }

    private func scan(query: [Float], k: Int, slots: some Sequence<Int>, filter: ((Int64) -> Bool)?) -> [(id: Int64, score: Float)] {
        var top = TopK(k: Swift.min(k, ids.count))
        let dimension = dimension
        storage.withUnsafeBufferPointer { vectors in
            query.withUnsafeBufferPointer { query in
                guard let vectors = vectors.baseAddress, let query = query.baseAddress else { return }
                for slot in slots {
                    let score = dotProduct(query, vectors + slot * dimension, count: dimension)
                    guard top.admits(score) else { continue }
                    if let filter, !filter(ids[slot]) { continue }
                    top.insert(ScoredSlot(score: score, slot: Int32(truncatingIfNeeded: slot)))
                }
            }
        }
        return top.results { ids[Int($0)] }
    }
}
