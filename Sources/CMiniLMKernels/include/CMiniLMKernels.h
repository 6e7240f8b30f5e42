// Matrix products of the MiniLM embedder for few rows (one or a few sentences), on weights packed
// once at load time. OpenBLAS packs a weight matrix on every call, which is most of the time of
// a one-sentence forward pass; these kernels read weights packed in advance, as float16.
#ifndef CMINILM_KERNELS_H
#define CMINILM_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// Columns per packed panel: one AVX-512 register of floats.
#define MINILM_PANEL_WIDTH 16

/// Whether this CPU and OS run the AVX-512 kernel (checked once; false elsewhere, where the
/// caller uses OpenBLAS).
int minilm_kernels_available(void);

/// Packs a linear layer's weight, `[outputs × inputs]` float32 row-major as PyTorch stores it,
/// into `outputs / 16` panels of `[inputs × 16]` IEEE float16 values (rounded to nearest; half
/// the bytes, so a one-sentence pass, which streams every weight once, reads half as much).
/// `packed` holds `outputs × inputs` values; `outputs` must be a multiple of 16. Call only when
/// `minilm_kernels_available()`.
void minilm_pack_weight(const float *weight, int outputs, int inputs, uint16_t *packed);

/// `output[rows × (panels·16)] (+)= input[rows × inputs] · weightᵀ` for the panels
/// `firstPanel..<endPanel` of a packed weight (widened to float32 as they are read; the sums
/// are float32): the output columns `16·firstPanel..<16·endPanel`. `outputStride` is the
/// output's row stride; with `accumulate`, the product is added to it. Call only when
/// `minilm_kernels_available()`.
void minilm_linear_packed(
    const float *input, int rows, int inputs,
    const uint16_t *packed, int firstPanel, int endPanel,
    float *output, int outputStride, int accumulate);

/// One part of a job split into parts; `worker` is 0 on the calling thread, 1 on the partner
/// (for per-thread scratch memory).
typedef void (*minilm_pair_task)(void *context, int part, int worker);

/// Runs `task(context, part, worker)` for every part in `0..<parts` exactly once, the calling
/// thread and a partner thread taking parts from a shared counter, and returns when all are
/// done. The partner spins for a moment after each job, so the many short splits of one forward
/// pass cost no thread wake-ups. Returns 0, having run nothing, when another caller holds the
/// partner (or it could not be started): run the parts yourself then.
int minilm_pair_run(minilm_pair_task task, void *context, int parts);

#endif
