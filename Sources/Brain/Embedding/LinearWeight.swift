import CMiniLMKernels

/// A linear layer's weight, `[out, in]` as PyTorch stores it, and, on CPUs with AVX-512, a
/// float16 copy packed into 16-column panels for the few-row kernel (Sources/CMiniLMKernels).
///
/// OpenBLAS packs the weight on every call; for one sentence (≈16 rows) that packing is more than
/// half the work, so few rows go through the kernel on the copy packed at load time instead
/// (one AVX-512 register of 16 outputs per fused multiply-add, split over two threads). Many rows
/// go through `cblas_sgemm` on the float32 weight, which is faster there. The copy costs half as
/// much memory again as the layer weights (21 MB for MiniLM-L6); rounding the weights to float16
/// moves a sentence's vector by a cosine of about 1e-7 (the parity tests check 0.9999 against the
/// float32 reference and print the lowest).
struct LinearWeight: Sendable {
    /// The most rows the packed kernel takes; more go to OpenBLAS (EmbedBench: the kernel is
    /// faster up to 64 rows on this machine, OpenBLAS from a few hundred).
    static let packedRowLimit = 96
    /// Into how many parts a product is cut for the two cores to share: enough that neither
    /// waits long for the other (the threads do not run at exactly the same speed).
    static let partsPerProduct = 8

    let matrix: TensorBuffer
    /// Nil without AVX-512 or when the output count is not a multiple of 16.
    let packed: PackedWeight?

    var outputs: Int { matrix.shape[0] }
    var inputs: Int { matrix.shape[1] }

    init(_ matrix: TensorBuffer, packing: Bool = LinearWeight.kernelsAvailable) {
        self.matrix = matrix
        guard packing, matrix.shape[0] % Int(MINILM_PANEL_WIDTH) == 0 else {
            packed = nil
            return
        }
        packed = PackedWeight(matrix)
    }

    /// Whether this CPU runs the packed kernel.
    static let kernelsAvailable = minilm_kernels_available() != 0

    /// `output[rows × out] (+)= input[rows × in] · weightᵀ` with the packed kernel; false (and
    /// nothing written) when it does not apply, for the caller to use OpenBLAS.
    func multiplyPacked(
        _ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>, accumulate: Bool
    ) -> Bool {
        guard let packed, rows <= Self.packedRowLimit else { return false }
        let panels = outputs / Int(MINILM_PANEL_WIDTH)
        let (inputs, outputs) = (Int32(inputs), Int32(outputs))
        // `packed` and the caller's buffers outlive the call, which returns when all parts are done.
        withExtendedLifetime(packed) {
            let multiply = { (first: Int, end: Int) in
                minilm_linear_packed(
                    input, Int32(rows), inputs, packed.base, Int32(first), Int32(end), output, outputs, accumulate ? 1 : 0)
            }
            // Shared between the two cores in parts of whole panel pairs, when there is enough work.
            guard panels >= 4, rows * Int(outputs) * Int(inputs) >= 1 << 20 else {
                multiply(0, panels)
                return
            }
            let pairs = (panels + 1) / 2
            let parts = min(pairs, Self.partsPerProduct)
            PairedWork.run(parts: parts) { part, _ in
                multiply(2 * (part * pairs / parts), min(2 * ((part + 1) * pairs / parts), panels))
            }
        }
        return true
    }
}
