/// Vector arithmetic of the cache: dot products of L2-normalized vectors (their cosine).
enum CacheVectors {
    /// The dot product of two vectors of the same length (0 when they differ), through the
    /// vector index's ``dotProduct(_:_:count:)``.
    static func dot(_ lhs: [Float], _ rhs: [Float]) -> Float {
        guard lhs.count == rhs.count else { return 0 }
        return lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return 0 }
                return dotProduct(leftBase, rightBase, count: left.count)
            }
        }
    }

    /// `vector` scaled to unit length; a zero vector stays zero.
    static func normalized(_ vector: [Float]) -> [Float] {
        let norm = dot(vector, vector).squareRoot()
        guard norm > 0, abs(norm - 1) > 1e-6 else { return vector }
        return vector.map { $0 / norm }
    }
}
