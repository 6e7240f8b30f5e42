@testable import Brain
import Foundation
import Testing

/// The inline `erf`, `exp`, softmax and LayerNorm of the MiniLM encoder.
@Suite struct MiniLMKernelTests {
    @Test func errorFunctionIsCloseToTheCLibrarys() {
        var worst: Double = 0
        for step in -8000...8000 {
            let x = Float(step) * 0.001
            worst = max(worst, abs(Double(TensorKernels.errorFunction(x)) - erf(Double(x))))
        }
        #expect(worst < 5e-7)
    }

    @Test func exponentialIsCloseToTheCLibrarys() {
        var worst: Double = 0
        for step in -87_300...88_300 {
            let x = Float(Double(step) * 0.001)
            let exact = exp(Double(x))
            worst = max(worst, abs(Double(TensorKernels.exponential(x)) - exact) / exact)
        }
        #expect(worst < 3e-7)
        #expect(TensorKernels.exponential(-1000) == 0)
        #expect(TensorKernels.exponential(1000).isFinite)
        #expect(TensorKernels.exponential(0) == 1)
    }

    @Test func softmaxRowsSumToOne() {
        var scores: [Float] = [1, 2, 3, -1000, 0, 0, 0, 0]
        scores.withUnsafeMutableBufferPointer { TensorKernels.softmaxRows($0.baseAddress!, rows: 2, width: 4) }
        #expect(abs(scores[0...3].reduce(0, +) - 1) < 1e-6)
        #expect(scores[3] == 0)  // e^-1003 underflows to 0
        #expect(scores[4...7].allSatisfy { abs($0 - 0.25) < 1e-7 })
    }

    @Test func layerNormGivesZeroMeanUnitVariance() {
        let width = 40
        var row = (0..<width).map { Float($0 * $0) }
        let scale = [Float](repeating: 1, count: width)
        let shift = [Float](repeating: 0, count: width)
        row.withUnsafeMutableBufferPointer { row in
            TensorKernels.normalize(row.baseAddress!, width: width, scale: scale, shift: shift, epsilon: 1e-12)
        }
        let mean = row.reduce(0, +) / Float(width)
        let variance = row.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(width)
        #expect(abs(mean) < 1e-5)
        #expect(abs(variance - 1) < 1e-4)
    }
}
