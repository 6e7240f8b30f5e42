/// Vector arithmetic of the cache: dot products of L2-normalized vectors (their cosine).
enum CacheVectors {
    /// The dot product of two vectors of the same length (0 when they differ).
    ///
    /// Optimized builds use two `SIMD8<Float>` accumulators over unaligned loads (384 floats are
    /// 24 double steps); unoptimized builds (`swift test`) a plain four-accumulator loop, because
    /// generic SIMD operators run lane by lane through witnesses there.
    static func dot(_ lhs: [Float], _ rhs: [Float]) -> Float {
        guard lhs.count == rhs.count else { return 0 }
        return lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return 0 }
                #if DEBUG
                return scalarDot(leftBase, rightBase, count: left.count)
                #else
                return simdDot(leftBase, rightBase, count: left.count)
                #endif
            }
        }
    }

    @inline(__always)
    static func simdDot(_ lhs: UnsafePointer<Float>, _ rhs: UnsafePointer<Float>, count: Int) -> Float {
        let left = UnsafeRawPointer(lhs)
        let right = UnsafeRawPointer(rhs)
        let width = MemoryLayout<SIMD8<Float>>.size
        var sum0 = SIMD8<Float>()
        var sum1 = SIMD8<Float>()
        var offset = 0
        while offset &+ 16 <= count {
            let bytes = offset &* 4
            sum0 += left.loadUnaligned(fromByteOffset: bytes, as: SIMD8<Float>.self)
                * right.loadUnaligned(fromByteOffset: bytes, as: SIMD8<Float>.self)
            sum1 += left.loadUnaligned(fromByteOffset: bytes &+ width, as: SIMD8<Float>.self)
                * right.loadUnaligned(fromByteOffset: bytes &+ width, as: SIMD8<Float>.self)
            offset &+= 16
        }
        var tail: Float = 0
        while offset < count {
            tail += lhs[offset] * rhs[offset]
            offset &+= 1
        }
        return (sum0 + sum1).sum() + tail
    }

    @_optimize(speed)
    static func scalarDot(_ lhs: UnsafePointer<Float>, _ rhs: UnsafePointer<Float>, count: Int) -> Float {
        var sums = (Float(0), Float(0), Float(0), Float(0))
        var offset = 0
        while offset &+ 4 <= count {
            sums.0 += lhs[offset] * rhs[offset]
            sums.1 += lhs[offset &+ 1] * rhs[offset &+ 1]
            sums.2 += lhs[offset &+ 2] * rhs[offset &+ 2]
            sums.3 += lhs[offset &+ 3] * rhs[offset &+ 3]
            offset &+= 4
        }
        while offset < count {
            sums.0 += lhs[offset] * rhs[offset]
            offset &+= 1
        }
        return (sums.0 + sums.1) + (sums.2 + sums.3)
    }

    /// `vector` scaled to unit length; a zero vector stays zero.
    static func normalized(_ vector: [Float]) -> [Float] {
        let norm = dot(vector, vector).squareRoot()
        guard norm > 0, abs(norm - 1) > 1e-6 else { return vector }
        return vector.map { $0 / norm }
    }
}
