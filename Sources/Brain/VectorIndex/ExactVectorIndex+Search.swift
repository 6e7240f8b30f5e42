import CHalfVectors

extension ExactVectorIndex {
    /// Scans every vector: one dot product each, then the filter only for a score that would
    /// enter the top `k`, so an unselective filter costs almost nothing.
    public func search(query: [Float], k: Int, filter: ((Int64) -> Bool)?) throws -> [(id: Int64, score: Float)] {
        try VectorIndexError.validateQuery(query, dimension: dimension)
        guard k > 0, count > 0 else { return [] }
        return scan(query: query, k: k, rows: 0 ..< count, filter: filter)
    }

    public func search(query: [Float], k: Int, among candidates: some Collection<Int64>) throws -> [(id: Int64, score: Float)] {
        try VectorIndexError.validateQuery(query, dimension: dimension)
        guard k > 0, count > 0, !candidates.isEmpty else { return [] }
        return scan(query: query, k: k, rows: rows(of: candidates), filter: nil)
    }

    private func scan(query: [Float], k: Int, rows: some Sequence<Int>, filter: ((Int64) -> Bool)?) -> [(id: Int64, score: Float)] {
        let dimension = dimension
        let ids = ids
        return query.withUnsafeBufferPointer { query in
            guard let query = query.baseAddress else { return [] }
            switch precision {
            case .float32:
                return storage.withUnsafeBufferPointer { vectors in
                    guard let vectors = vectors.baseAddress else { return [] }
                    return TopK.best(k: k, of: rows, ids: ids, filter: filter) { dotProduct(query, vectors + $0 * dimension, count: dimension) }
                }
            case .float16:
                return halves.withUnsafeBufferPointer { vectors in
                    guard let vectors = vectors.baseAddress else { return [] }
                    return TopK.best(k: k, of: rows, ids: ids, filter: filter) { half_dot(query, vectors + $0 * dimension, dimension) }
                }
            }
        }
    }
}
