/// The element-wise and row-wise steps of a transformer layer, on raw row-major buffers.
///
/// Element-wise loops are plain loops over unsafe pointers with no calls or branches inside, so
/// the optimizer vectorizes them; `erf` and `exp` are computed inline for that reason (the C
/// library's versions are scalar calls). Sums use SIMD accumulators, because the optimizer may
/// not reorder a scalar floating-point sum.
enum TensorKernels {
    /// Copies `vector` into each of `rows` rows of `matrix` (to add a bias with a later
    /// accumulating matrix product).
    static func broadcastRows(_ vector: UnsafePointer<Float>, width: Int, rows: Int, into matrix: UnsafeMutablePointer<Float>) {
        for row in 0..<rows {
            (matrix + row * width).update(from: vector, count: width)
        }
    }

    /// `residual = LayerNorm(projected + bias + residual)`, row by row: `residual` holds the
    /// sublayer's input and becomes its output.
    static func addLayerNorm(
        _ projected: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        residual: UnsafeMutablePointer<Float>, rows: Int, width: Int,
        scale: UnsafePointer<Float>, shift: UnsafePointer<Float>, epsilon: Float
    ) {
        for row in 0..<rows {
            let input = projected + row * width
            let output = residual + row * width
            for j in 0..<width {
                output[j] += input[j] + bias[j]
            }
            normalize(output, width: width, scale: scale, shift: shift, epsilon: epsilon)
        }
    }

    /// LayerNorm of one row in place: subtract the mean, divide by the (biased) standard
    /// deviation, then `· scale + shift`.
    static func normalize(
        _ row: UnsafeMutablePointer<Float>, width: Int,
        scale: UnsafePointer<Float>, shift: UnsafePointer<Float>, epsilon: Float
    ) {
        let mean = sum(row, count: width) / Float(width)
        for j in 0..<width {
            row[j] -= mean
        }
        let variance = sumOfSquares(row, count: width) / Float(width)
        let inverseDeviation = 1 / (variance + epsilon).squareRoot()
        for j in 0..<width {
            row[j] = row[j] * inverseDeviation * scale[j] + shift[j]
        }
    }

    /// `x = gelu(x + bias)` for each row, in the exact form `x · Φ(x) = x/2 · (1 + erf(x/√2))`.
    static func addGELU(_ matrix: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int, width: Int) {
        for row in 0..<rows {
            let values = matrix + row * width
            for j in 0..<width {
                let x = values[j] + bias[j]
                values[j] = 0.5 * x * (1 + errorFunction(x * 0.70710678118654752))
            }
        }
    }

    /// Softmax of each row in place.
    static func softmaxRows(_ matrix: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        for row in 0..<rows {
            let values = matrix + row * width
            let largest = maximum(values, count: width)
            for j in 0..<width {
                values[j] = exponential(values[j] - largest)
            }
            let inverse = 1 / sum(values, count: width)
            for j in 0..<width {
                values[j] *= inverse
            }
        }
    }

    /// erf(x) as `x · P(x²) / Q(x²)` on |x| ≤ 3.92, where erf rounds to ±1 in single precision.
    /// Absolute error below 4e-7 (tested against `Foundation.erf`). The coefficients were fitted
    /// for this project by iteratively reweighted least squares on the rational form.
    @inline(__always)
    static func errorFunction(_ x: Float) -> Float {
        let t = min(max(x, -3.92), 3.92)
        let u = t * t
        var p: Float = 1.9529666e-06
        p = p * u + 2.9823114e-04
        p = p * u + 4.3339608e-03
        p = p * u + 5.4483693e-02
        p = p * u + 2.0358539e-01
        p = p * u + 1.1283786
        var q: Float = 3.7790745e-05
        q = q * u + 1.3018779e-03
        q = q * u + 1.6098812e-02
        q = q * u + 1.1955328e-01
        q = q * u + 5.1375061e-01
        q = q * u + 1
        return t * p / q
    }

    /// eˣ, relative error about 1e-7 on [-87.3, 88.3]: 0 below (where eˣ leaves the normal
    /// floats), clamped above. x = n·ln 2 + r with |r| ≤ ln 2 / 2, eʳ by its Taylor series to
    /// degree 7, 2ⁿ built in the exponent bits.
    @inline(__always)
    static func exponential(_ x: Float) -> Float {
        let clamped = min(max(x, -87.3), 88.3)
        // Adding 1.5·2²³ rounds x·log₂e to an integer n held in the low mantissa bits.
        let shifted = clamped * 1.442695041 + 12_582_912
        let n = shifted - 12_582_912
        // ln 2 split in two so that n · high is exact.
        let r = clamped - n * 0.693145751953125 - n * 1.428606765330187e-06
        var p: Float = 1.0 / 5040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        // 2ⁿ: (n + 127) in the exponent field; the constant's own bits shift out.
        let twoToN = Float(bitPattern: (shifted.bitPattern &+ 127) << 23)
        return x < -87.3 ? 0 : p * twoToN
    }

    /// The sum of `count` values.
    static func sum(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD16<Float>()
        var j = 0
        while j + 16 <= count {
            lanes += UnsafeRawPointer(values + j).loadUnaligned(as: SIMD16<Float>.self)
            j += 16
        }
        var total = lanes.sum()
        while j < count {
            total += values[j]
            j += 1
        }
        return total
    }

    /// The sum of the squares of `count` values.
    static func sumOfSquares(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var lanes = SIMD16<Float>()
        var j = 0
        while j + 16 <= count {
            let v = UnsafeRawPointer(values + j).loadUnaligned(as: SIMD16<Float>.self)
            lanes += v * v
            j += 16
        }
        var total = lanes.sum()
        while j < count {
            total += values[j] * values[j]
            j += 1
        }
        return total
    }

    /// The largest of `count` (at least one) values.
    static func maximum(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var largest = values[0]
        for j in 1..<count {
            largest = max(largest, values[j])
        }
        return largest
    }
}
