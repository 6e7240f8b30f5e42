#include "CHalfVectors.h"

#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define HALF_X86 1
#endif

// MARK: - Portable

static uint16_t half_from_bits(uint32_t bits) {
    uint16_t sign = (uint16_t)((bits >> 16) & 0x8000);
    uint32_t magnitude = bits & 0x7FFFFFFF;
    if (magnitude >= 0x7F800000) return sign | 0x7C00 | (magnitude > 0x7F800000 ? 0x0200 : 0);  // ∞, NaN
    if (magnitude >= 0x477FF000) return sign | 0x7C00;  // 65520 and up round to ∞
    if (magnitude < 0x38800000) {                       // below 2⁻¹⁴: subnormal or zero
        if (magnitude <= 0x33000000) return sign;        // 2⁻²⁵ and below round to zero
        uint32_t mantissa = (magnitude & 0x007FFFFF) | 0x00800000;
        unsigned shift = 126 - (magnitude >> 23);        // to units of 2⁻²⁴
        uint32_t result = mantissa >> shift;
        uint32_t rest = mantissa & ((1u << shift) - 1), halfway = 1u << (shift - 1);
        if (rest > halfway || (rest == halfway && (result & 1))) result++;
        return sign | (uint16_t)result;
    }
    uint32_t result = (magnitude >> 13) - ((127 - 15) << 10);  // rebias the exponent
    uint32_t rest = magnitude & 0x1FFF;
    if (rest > 0x1000 || (rest == 0x1000 && (result & 1))) result++;  // a carry may reach ∞: right
    return sign | (uint16_t)result;
}

static float float_from_half(uint16_t half) {
    uint32_t sign = (uint32_t)(half & 0x8000) << 16;
    uint32_t exponent = (half >> 10) & 0x1F, mantissa = half & 0x03FF;
    if (exponent == 0) {
        float value = (float)mantissa * 0x1p-24f;
        return sign ? -value : value;
    }
    uint32_t bits = exponent == 31 ? sign | 0x7F800000 | (mantissa << 13) : sign | ((exponent + 112) << 23) | (mantissa << 13);
    float value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

static uint32_t load_little_endian(const unsigned char *bytes) {
    return (uint32_t)bytes[0] | (uint32_t)bytes[1] << 8 | (uint32_t)bytes[2] << 16 | (uint32_t)bytes[3] << 24;
}

int half_from_float_portable(const void *source, uint16_t *destination, size_t count) {
    const unsigned char *bytes = source;
    uint16_t special = 0;
    for (size_t i = 0; i < count; i++) {
        uint16_t half = half_from_bits(load_little_endian(bytes + 4 * i));
        destination[i] = half;
        special |= (uint16_t)((half & 0x7C00) == 0x7C00);
    }
    return !special;
}

int half_copy_finite(const void *source, uint16_t *destination, size_t count) {
    const unsigned char *bytes = source;
    uint16_t special = 0;
    for (size_t i = 0; i < count; i++) {
        uint16_t half = (uint16_t)(bytes[2 * i] | bytes[2 * i + 1] << 8);
        destination[i] = half;
        special |= (uint16_t)((half & 0x7C00) == 0x7C00);
    }
    return !special;
}

float half_dot_portable(const float *query, const uint16_t *vector, size_t count) {
    float sum = 0;
    for (size_t i = 0; i < count; i++) sum += query[i] * float_from_half(vector[i]);
    return sum;
}

void half_to_float_portable(const uint16_t *source, float *destination, size_t count) {
    for (size_t i = 0; i < count; i++) destination[i] = float_from_half(source[i]);
}

// MARK: - F16C, AVX2, FMA

#ifdef HALF_X86

__attribute__((target("avx2,fma,f16c")))
static int from_float_f16c(const void *source, uint16_t *destination, size_t count) {
    const float *values = source;
    const __m128i exponent = _mm_set1_epi16(0x7C00);
    __m128i special = _mm_setzero_si128();
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m128i half = _mm256_cvtps_ph(_mm256_loadu_ps(values + i), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
        _mm_storeu_si128((__m128i *)(destination + i), half);
        special = _mm_or_si128(special, _mm_cmpeq_epi16(_mm_and_si128(half, exponent), exponent));
    }
    int finite = _mm_testz_si128(special, special);
    if (i < count) finite &= half_from_float_portable(values + i, destination + i, count - i);
    return finite;
}

__attribute__((target("avx2,fma,f16c")))
static float dot_f16c(const float *query, const uint16_t *vector, size_t count) {
    __m256 sum0 = _mm256_setzero_ps(), sum1 = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 16 <= count; i += 16) {
        sum0 = _mm256_fmadd_ps(_mm256_loadu_ps(query + i), _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(vector + i))), sum0);
        sum1 = _mm256_fmadd_ps(_mm256_loadu_ps(query + i + 8), _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(vector + i + 8))), sum1);
    }
    if (i + 8 <= count) {
        sum0 = _mm256_fmadd_ps(_mm256_loadu_ps(query + i), _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(vector + i))), sum0);
        i += 8;
    }
    __m256 sum = _mm256_add_ps(sum0, sum1);
    __m128 half = _mm_add_ps(_mm256_castps256_ps128(sum), _mm256_extractf128_ps(sum, 1));
    half = _mm_add_ps(half, _mm_movehl_ps(half, half));
    half = _mm_add_ss(half, _mm_movehdup_ps(half));
    return _mm_cvtss_f32(half) + half_dot_portable(query + i, vector + i, count - i);
}

__attribute__((target("avx2,fma,f16c")))
static void to_float_f16c(const uint16_t *source, float *destination, size_t count) {
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        _mm256_storeu_ps(destination + i, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(source + i))));
    }
    half_to_float_portable(source + i, destination + i, count - i);
}

#endif

// MARK: - Chosen at run time

int half_vectors_accelerated(void) {
#ifdef HALF_X86
    static int accelerated = -1;
    if (accelerated < 0) {
        __builtin_cpu_init();
        accelerated = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
    }
    return accelerated;
#else
    return 0;
#endif
}

int half_from_float(const void *source, uint16_t *destination, size_t count) {
#ifdef HALF_X86
    if (half_vectors_accelerated()) return from_float_f16c(source, destination, count);
#endif
    return half_from_float_portable(source, destination, count);
}

float half_dot(const float *query, const uint16_t *vector, size_t count) {
#ifdef HALF_X86
    if (half_vectors_accelerated()) return dot_f16c(query, vector, count);
#endif
    return half_dot_portable(query, vector, count);
}

void half_to_float(const uint16_t *source, float *destination, size_t count) {
#ifdef HALF_X86
    if (half_vectors_accelerated()) {
        to_float_f16c(source, destination, count);
        return;
    }
#endif
    half_to_float_portable(source, destination, count);
}
