import CMiniLMKernels

/// A linear layer's weight packed once at load time for the few-row kernel: `outputs / 16`
/// panels of `[inputs × 16]` float16 values (Sources/CMiniLMKernels). Half the bytes of the
/// float32 weight, which is what a one-sentence pass is bound by: it streams every weight once.
final class PackedWeight: @unchecked Sendable {
    // @unchecked Sendable: `base` is filled in `init`, never written again, freed in `deinit`.
    let base: UnsafePointer<UInt16>
    let count: Int

    /// Packs `matrix` (`[outputs, inputs]`, `outputs` a multiple of 16). Call only on CPUs
    /// where `minilm_kernels_available()`.
    init(_ matrix: TensorBuffer) {
        let (outputs, inputs) = (matrix.shape[0], matrix.shape[1])
        count = outputs * inputs
        let memory = UnsafeMutablePointer<UInt16>.allocate(capacity: max(count, 1))
        minilm_pack_weight(matrix.base, Int32(outputs), Int32(inputs), memory)
        base = UnsafePointer(memory)
    }

    deinit {
        UnsafeMutablePointer(mutating: base).deallocate()
    }
}
