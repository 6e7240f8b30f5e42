import CBLAS

/// Row-major single-precision matrix products through OpenBLAS `cblas_sgemm` (and, for a linear
/// layer over few rows on an AVX-512 CPU, the packed-weight kernel: see ``LinearWeight``).
enum MatrixProduct {
    /// `output[rows × out] = input[rows × in] · weightᵀ (+ output if accumulating)`, `weight` being a
    /// linear layer's `[out, in]` matrix as PyTorch stores it.
    static func linear(
        _ input: UnsafePointer<Float>, rows: Int, weight: LinearWeight,
        into output: UnsafeMutablePointer<Float>, accumulate: Bool = false
    ) {
        if weight.multiplyPacked(input, rows: rows, into: output, accumulate: accumulate) { return }
        withExtendedLifetime(weight.matrix) {
            cblas_sgemm(
                CblasRowMajor, CblasNoTrans, CblasTrans,
                blasint(rows), blasint(weight.outputs), blasint(weight.inputs),
                1, input, blasint(weight.inputs),
                weight.matrix.base, blasint(weight.inputs),
                accumulate ? 1 : 0, output, blasint(weight.outputs))
        }
    }

    /// `c[m × n] = alpha · a[m × k] · b (or bᵀ)`, with leading dimensions (row strides) given, so
    /// that `a`, `b` and `c` can be column slices of wider matrices (one attention head).
    static func multiply(
        m: Int, n: Int, k: Int, alpha: Float = 1,
        _ a: UnsafePointer<Float>, rowStride lda: Int,
        _ b: UnsafePointer<Float>, rowStride ldb: Int, transposingB: Bool,
        into c: UnsafeMutablePointer<Float>, rowStride ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, transposingB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k),
            alpha, a, blasint(lda),
            b, blasint(ldb),
            0, c, blasint(ldc))
    }
}
