import CMiniLMKernels
import Dispatch

/// A linear layer's weight, `[out, in]` as PyTorch stores it, and, on CPUs with AVX-512, a copy
/// packed into 16-column panels for the few-row kernel (Sources/CMiniLMKernels).
///
/// OpenBLAS packs the weight on every call; for one sentence (≈16 rows) that packing is more than
/// half the work, so few rows go through the kernel on the copy packed at load time instead
/// (one AVX-512 register of 16 outputs per fused multiply-add, split over two threads). Many rows
/// go through `cblas_sgemm`, which is faster there. The copy costs as much memory again as the
/// layer weights (42.5 MB for MiniLM-L6).
struct LinearWeight: Sendable {
    /// The most rows the packed kernel takes; more go to OpenBLAS (EmbedBench: the kernel is
    /// faster up to 64 rows on this machine, OpenBLAS from a few hundred).
    static let packedRowLimit = 96

    let matrix: TensorBuffer
    /// Nil without AVX-512 or when the output count is not a multiple of 16.
    let packed: TensorBuffer?

    var outputs: Int { matrix.shape[0] }
    var inputs: Int { matrix.shape[1] }

    init(_ matrix: TensorBuffer, packing: Bool = LinearWeight.kernelsAvailable) {
        self.matrix = matrix
        let (outputs, inputs) = (matrix.shape[0], matrix.shape[1])
        guard packing, outputs % Int(MINILM_PANEL_WIDTH) == 0 else {
            packed = nil
            return
        }
        packed = TensorBuffer(shape: [outputs, inputs]) { out in
            minilm_pack_weight(matrix.base, Int32(outputs), Int32(inputs), out.baseAddress!)
        }
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
        // Two halves of whole panel pairs, one per core, when there is enough work to share.
        let parts = panels >= 4 && rows * outputs * inputs >= 1 << 20 ? 2 : 1
        let split = parts == 1 ? panels : (panels / 2 + 1) & ~1
        // Addresses cross into the worker as integers (pointers are not Sendable); `packed` and
        // the caller's buffers outlive the call, which returns when both halves are done.
        let (inputAddress, weightAddress, outputAddress) = (UInt(bitPattern: input), UInt(bitPattern: packed.base), UInt(bitPattern: output))
        let (inputs, outputs) = (Int32(inputs), Int32(outputs))
        withExtendedLifetime(packed) {
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let (first, end) = part == 0 ? (0, split) : (split, panels)
                minilm_linear_packed(
                    UnsafePointer(bitPattern: inputAddress), Int32(rows), inputs, UnsafePointer(bitPattern: weightAddress),
                    Int32(first), Int32(end), UnsafeMutablePointer(bitPattern: outputAddress), outputs, accumulate ? 1 : 0)
            }
        }
        return true
    }
}
