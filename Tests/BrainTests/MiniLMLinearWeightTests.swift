import Testing

@testable import Brain

/// The packed few-row kernel gives OpenBLAS's products on the weight rounded to float16 (what its
/// panels hold), on every shape it can meet: rows not a multiple of its 8-row block, an odd
/// number of 16-column panels, accumulating or not, split over two threads or not. (Named MiniLM… so scripts/test runs it with the heavy suites, apart
/// from the timing-sensitive ones: it keeps both cores busy for a second.)
@Suite struct MiniLMLinearWeightTests {
    private func random(_ count: Int, seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
    }

    @Test(arguments: [(48, 20), (1536, 384), (384, 1536), (32, 7)])
    func thePackedKernelMatchesOpenBLAS(outputs: Int, inputs: Int) throws {
        let values = random(outputs * inputs, seed: UInt64(outputs * 1000 + inputs))
        let matrix = TensorBuffer(shape: [outputs, inputs]) { _ = $0.update(fromContentsOf: values) }
        let packed = LinearWeight(matrix)
        let rounded = TensorBuffer(shape: [outputs, inputs]) { _ = $0.update(fromContentsOf: values.map { Float(Float16($0)) }) }
        let reference = LinearWeight(rounded, packing: false)
        #expect(reference.packed == nil)
        guard LinearWeight.kernelsAvailable else {
            #expect(packed.packed == nil, "without AVX-512 everything goes to OpenBLAS")
            return
        }
        for rows in [1, 7, 8, 13, 16, LinearWeight.packedRowLimit] {
            let input = random(rows * inputs, seed: UInt64(rows))
            for accumulate in [false, true] {
                let start = random(rows * outputs, seed: 99)
                var expected = start
                var actual = start
                input.withUnsafeBufferPointer { input in
                    expected.withUnsafeMutableBufferPointer {
                        MatrixProduct.linear(input.baseAddress!, rows: rows, weight: reference, into: $0.baseAddress!, accumulate: accumulate)
                    }
                    actual.withUnsafeMutableBufferPointer {
                        #expect(packed.multiplyPacked(input.baseAddress!, rows: rows, into: $0.baseAddress!, accumulate: accumulate))
                    }
                }
                let worst = zip(expected, actual).map { abs($0 - $1) / max(1, abs($0)) }.max() ?? 0
                #expect(worst < 1e-4, "rows \(rows), accumulate \(accumulate): relative error \(worst)")
            }
        }
        // More rows than the kernel takes: it declines, and OpenBLAS does the product.
        var output = [Float](repeating: 0, count: (LinearWeight.packedRowLimit + 1) * outputs)
        let input = [Float](repeating: 0, count: (LinearWeight.packedRowLimit + 1) * inputs)
        input.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer {
                #expect(!packed.multiplyPacked(input.baseAddress!, rows: LinearWeight.packedRowLimit + 1, into: $0.baseAddress!, accumulate: false))
            }
        }
    }
}
