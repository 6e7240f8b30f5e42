#include "CMiniLMKernels.h"

#include <immintrin.h>
#include <stdint.h>

int minilm_kernels_available(void) {
    static int available = -1;
    if (available < 0) {
        __builtin_cpu_init();
        available = __builtin_cpu_supports("avx512f") ? 1 : 0;
    }
    return available;
}

// Eight rows by two panels (32 columns): 16 accumulators, two weight loads and eight broadcasts
// per 16 fused multiply-adds, so the FMA units, not the loads, set the pace.
#define ROWS 8

// One panel row: 16 float16 weights widened to float32.
__attribute__((target("avx512f"), always_inline))
static inline __m512 load_weights(const uint16_t *panel, int k) {
    return _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)(panel + (size_t)k * MINILM_PANEL_WIDTH)));
}

__attribute__((target("avx512f")))
static void block(const float *input, int rows, int inputs, const uint16_t *w0, const uint16_t *w1,
                  float *output, int outputStride, int accumulate) {
    __m512 c0[ROWS], c1[ROWS];
    for (int r = 0; r < ROWS; r++) {
        c0[r] = _mm512_setzero_ps();
        c1[r] = _mm512_setzero_ps();
    }
    if (rows == ROWS && w1) {
        for (int k = 0; k < inputs; k++) {
            __m512 x0 = load_weights(w0, k);
            __m512 x1 = load_weights(w1, k);
#define ROW(r)                                                              \
    {                                                                       \
        __m512 a = _mm512_set1_ps(input[(size_t)(r) * inputs + k]);         \
        c0[r] = _mm512_fmadd_ps(a, x0, c0[r]);                              \
        c1[r] = _mm512_fmadd_ps(a, x1, c1[r]);                              \
    }
            ROW(0) ROW(1) ROW(2) ROW(3) ROW(4) ROW(5) ROW(6) ROW(7)
#undef ROW
        }
    } else {
        for (int k = 0; k < inputs; k++) {
            __m512 x0 = load_weights(w0, k);
            __m512 x1 = w1 ? load_weights(w1, k) : _mm512_setzero_ps();
            for (int r = 0; r < rows; r++) {
                __m512 a = _mm512_set1_ps(input[(size_t)r * inputs + k]);
                c0[r] = _mm512_fmadd_ps(a, x0, c0[r]);
                c1[r] = _mm512_fmadd_ps(a, x1, c1[r]);
            }
        }
    }
    for (int r = 0; r < rows; r++) {
        float *c = output + (size_t)r * outputStride;
        if (accumulate) {
            c0[r] = _mm512_add_ps(c0[r], _mm512_loadu_ps(c));
            if (w1) c1[r] = _mm512_add_ps(c1[r], _mm512_loadu_ps(c + MINILM_PANEL_WIDTH));
        }
        _mm512_storeu_ps(c, c0[r]);
        if (w1) _mm512_storeu_ps(c + MINILM_PANEL_WIDTH, c1[r]);
    }
}

__attribute__((target("avx512f")))
void minilm_linear_packed(
    const float *input, int rows, int inputs,
    const uint16_t *packed, int firstPanel, int endPanel,
    float *output, int outputStride, int accumulate) {
    const size_t panelSize = (size_t)inputs * MINILM_PANEL_WIDTH;
    for (int panel = firstPanel; panel < endPanel; panel += 2) {
        const uint16_t *w0 = packed + (size_t)panel * panelSize;
        const uint16_t *w1 = panel + 1 < endPanel ? w0 + panelSize : 0;
        for (int row = 0; row < rows; row += ROWS) {
            int count = rows - row < ROWS ? rows - row : ROWS;
            block(input + (size_t)row * inputs, count, inputs, w0, w1,
                  output + (size_t)row * outputStride + panel * MINILM_PANEL_WIDTH, outputStride, accumulate);
        }
    }
}

__attribute__((target("avx512f")))
void minilm_pack_weight(const float *weight, int outputs, int inputs, uint16_t *packed) {
    float row[MINILM_PANEL_WIDTH];
    for (int panel = 0; panel < outputs / MINILM_PANEL_WIDTH; panel++) {
        for (int k = 0; k < inputs; k++) {
            for (int j = 0; j < MINILM_PANEL_WIDTH; j++) row[j] = weight[(size_t)(panel * MINILM_PANEL_WIDTH + j) * inputs + k];
            __m256i half = _mm512_cvtps_ph(_mm512_loadu_ps(row), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
            _mm256_storeu_si256((__m256i *)(packed + ((size_t)panel * inputs + k) * MINILM_PANEL_WIDTH), half);
        }
    }
}
