import CHalfVectors

extension HalfVectorIndex {
    /// Scans every vector: one dot product each, then the filter only for a score that would
    /// enter the top `k`.
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
        return storage.withUnsafeBufferPointer { vectors in
            query.withUnsafeBufferPointer { query in
                guard let vectors = vectors.baseAddress, let query = query.baseAddress else { return [] }
                return TopK.best(k: k, of: rows, ids: ids, filter: filter) { row in
                    half_dot(query, vectors + row * dimension, dimension)
                }
            }
        }
    }
}
