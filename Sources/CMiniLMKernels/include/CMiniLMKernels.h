// Matrix products of the MiniLM embedder for few rows (one or a few sentences), on weights packed
// once at load time. OpenBLAS packs a weight matrix on every call, which is most of the time of
// a one-sentence forward pass; these kernels read weights packed in advance.
#ifndef CMINILM_KERNELS_H
#define CMINILM_KERNELS_H

#include <stddef.h>

/// Columns per packed panel: one AVX-512 register of floats.
#define MINILM_PANEL_WIDTH 16

/// Whether this CPU and OS run the AVX-512 kernel (checked once; false elsewhere, where the
/// caller uses OpenBLAS).
int minilm_kernels_available(void);

/// Packs a linear layer's weight, `[outputs × inputs]` row-major as PyTorch stores it, into
/// `outputs / 16` panels of `[inputs × 16]` (`packed` holds `outputs × inputs` floats).
/// `outputs` must be a multiple of 16.
void minilm_pack_weight(const float *weight, int outputs, int inputs, float *packed);

/// `output[rows × (panels·16)] (+)= input[rows × inputs] · weightᵀ` for the panels
/// `firstPanel..<endPanel` of a packed weight: the output columns `16·firstPanel..<16·endPanel`.
/// `outputStride` is the output's row stride; with `accumulate`, the product is added to it.
/// Call only when `minilm_kernels_available()`.
void minilm_linear_packed(
    const float *input, int rows, int inputs,
    const float *packed, int firstPanel, int endPanel,
    float *output, int outputStride, int accumulate);

#endif
