// Vectors kept as IEEE float16: conversion from float32 and dot products against a float32
// query, with F16C/AVX2/FMA where the CPU has them (chosen at run time) and portable C elsewhere.
#ifndef CHALF_VECTORS_H
#define CHALF_VECTORS_H

#include <stddef.h>
#include <stdint.h>

/// Whether the F16C/AVX2/FMA versions run on this CPU and OS (checked once).
int half_vectors_accelerated(void);

/// Converts `count` little-endian float32 values at `source` (any alignment) to float16,
/// rounded to nearest even, into `destination`. Returns 1 when every result is finite, 0 when
/// one is not (a NaN, an infinity, or a value beyond float16's ±65504).
int half_from_float(const void *source, uint16_t *destination, size_t count);

/// Copies `count` little-endian float16 values at `source` (any alignment) into `destination`.
/// Returns 1 when every value is finite, 0 when one is a NaN or an infinity.
int half_copy_finite(const void *source, uint16_t *destination, size_t count);

/// The dot product of a float32 `query` and a float16 `vector` of `count` values, summed in
/// float32.
float half_dot(const float *query, const uint16_t *vector, size_t count);

/// Widens `count` float16 values to float32.
void half_to_float(const uint16_t *source, float *destination, size_t count);

/// The portable versions of the three above (the accelerated ones must agree with them).
int half_from_float_portable(const void *source, uint16_t *destination, size_t count);
float half_dot_portable(const float *query, const uint16_t *vector, size_t count);
void half_to_float_portable(const uint16_t *source, float *destination, size_t count);

#endif
