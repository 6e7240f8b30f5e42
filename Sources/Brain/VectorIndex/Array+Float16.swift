import CHalfVectors

extension [Float] {
    /// The components as IEEE float16 bit patterns (rounded to nearest even), and the first one
    /// float16 cannot hold (a NaN, an infinity, a magnitude of 65520 or more), if any.
    func float16BitPatterns() -> (halves: [UInt16], firstUnheld: Int?) {
        let halves = [UInt16](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = withUnsafeBytes { half_from_float($0.baseAddress, buffer.baseAddress, count) }
            initialized = count
        }
        return (halves, halves.firstIndex { $0 & 0x7C00 == 0x7C00 })
    }
}
