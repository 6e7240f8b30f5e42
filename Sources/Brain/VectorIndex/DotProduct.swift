/// The dot product of two `count`-long vectors; on L2-normalized vectors it is their cosine.
///
/// Optimized builds use `simdDotProduct`. Unoptimized builds (`swift test`) use
/// `scalarDotProduct`: there the generic SIMD operators run lane by lane through protocol
/// witnesses, about 20 times slower than a plain loop, which would make graph tests take minutes.
/// A test checks that both agree.
@inline(__always)
func dotProduct(_ lhs: UnsafePointer<Float>, _ rhs: UnsafePointer<Float>, count: Int) -> Float {
    #if DEBUG
    scalarDotProduct(lhs, rhs, count: count)
    #else
    simdDotProduct(lhs, rhs, count: count)
    #endif
}

/// Two `SIMD16<Float>` accumulators over unaligned loads, then a scalar tail, so any dimension
/// works and 384 runs as 12 double steps. Plain multiply-then-add on purpose: `addingProduct`
/// asks for a fused multiply-add, which on a baseline x86-64 build (no FMA) becomes a library
/// call per lane. Built for the baseline each `SIMD16` is four SSE registers (`mulps`/`addps`,
/// eight independent accumulators); built with `-Xswiftc -target-cpu -Xswiftc x86-64-v3` (or
/// `native`) the same code uses AVX registers.
@inline(__always)
func simdDotProduct(_ lhs: UnsafePointer<Float>, _ rhs: UnsafePointer<Float>, count: Int) -> Float {
    let left = UnsafeRawPointer(lhs)
    let right = UnsafeRawPointer(rhs)
    let width = MemoryLayout<SIMD16<Float>>.size
    var sum0 = SIMD16<Float>()
    var sum1 = SIMD16<Float>()
    var offset = 0
    while offset &+ 32 <= count {
        let bytes = offset &* 4
        sum0 += left.loadUnaligned(fromByteOffset: bytes, as: SIMD16<Float>.self)
            * right.loadUnaligned(fromByteOffset: bytes, as: SIMD16<Float>.self)
        sum1 += left.loadUnaligned(fromByteOffset: bytes &+ width, as: SIMD16<Float>.self)
            * right.loadUnaligned(fromByteOffset: bytes &+ width, as: SIMD16<Float>.self)
        offset &+= 32
    }
    if offset &+ 16 <= count {
        let bytes = offset &* 4
        sum0 += left.loadUnaligned(fromByteOffset: bytes, as: SIMD16<Float>.self)
            * right.loadUnaligned(fromByteOffset: bytes, as: SIMD16<Float>.self)
        offset &+= 16
    }
    var tail: Float = 0
    while offset < count {
        tail += lhs[offset] * rhs[offset]
        offset &+= 1
    }
    return (sum0 + sum1).sum() + tail
}

/// Four scalar accumulators, optimized even in a debug build (`@_optimize(speed)`): the debug
/// fallback, about 0.7 µs for 384 components unoptimized against 2.5 µs for a one-accumulator loop.
@_optimize(speed)
func scalarDotProduct(_ lhs: UnsafePointer<Float>, _ rhs: UnsafePointer<Float>, count: Int) -> Float {
    var sum0: Float = 0
    var sum1: Float = 0
    var sum2: Float = 0
    var sum3: Float = 0
    var offset = 0
    while offset &+ 4 <= count {
        sum0 += lhs[offset] * rhs[offset]
        sum1 += lhs[offset &+ 1] * rhs[offset &+ 1]
        sum2 += lhs[offset &+ 2] * rhs[offset &+ 2]
        sum3 += lhs[offset &+ 3] * rhs[offset &+ 3]
        offset &+= 4
    }
    while offset < count {
        sum0 += lhs[offset] * rhs[offset]
        offset &+= 1
    }
    return (sum0 + sum1) + (sum2 + sum3)
}
