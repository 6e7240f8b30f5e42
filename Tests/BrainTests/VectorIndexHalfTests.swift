import CHalfVectors
import Testing

@testable import Brain

/// Float16 vectors (CHalfVectors, ExactVectorIndex with float16 precision): conversion identical to Swift's `Float16`
/// on every path, dot products against the rounded vectors, and the index's behaviour.
@Suite struct VectorIndexHalfTests {
    typealias Fixtures = VectorIndexFixtures

    /// Edge values of float16 (largest, smallest normal and subnormal, the halfway points that
    /// round to even) and random values across float32's exponents.
    static let samples: [Float] = {
        var values: [Float] = [0, -0.0, 1, -1, 0.1, 1 / 3, 65504, 65519.996, -65519.996, 0x1p-14, 0x1p-24, 0x1p-25,
                               0x1.8p-25, 0x1.000002p-25, 0x1.8p-24, 0x1.ffcp-15, 2049, 2051, 0x1.002p0, 0x1.006p0]
        var generator = SeededGenerator(seed: 16)
        for _ in 0 ..< 20_000 {
            let bits = UInt32.random(in: 0x3000_0000 ... 0x4780_0000, using: &generator) | (Bool.random(using: &generator) ? 0x8000_0000 : 0)
            values.append(Float(bitPattern: bits))
        }
        return values
    }()

    @Test func convertsLikeSwiftsFloat16OnEveryPath() {
        let expected = Self.samples.map { Float16($0).bitPattern }
        for convert in [half_from_float, half_from_float_portable] {
            var halves = [UInt16](repeating: 0, count: Self.samples.count)
            let finite = Self.samples.withUnsafeBytes { convert($0.baseAddress!, &halves, Self.samples.count) }
            #expect(finite == 1)
            #expect(halves == expected)
        }
    }

    @Test func notFiniteOrBeyondFloat16IsReportedAtAnyPosition() {
        for bad in [Float.nan, .infinity, -.infinity, 65520, -70000, 1e30] {
            for position in [0, 7, 8, 16, 20] {
                var values = [Float](repeating: 0.25, count: 21)
                values[position] = bad
                for convert in [half_from_float, half_from_float_portable] {
                    var halves = [UInt16](repeating: 0, count: values.count)
                    #expect(values.withUnsafeBytes { convert($0.baseAddress!, &halves, values.count) } == 0, "\(bad) at \(position)")
                }
            }
        }
    }

    @Test func widensAndMultipliesTheRoundedValuesOnEveryPath() {
        for dimension in [1, 5, 8, 15, 16, 17, 31, 384, 385] {
            let vectors = Fixtures.randomUnitVectors(count: 2, dimension: dimension, seed: UInt64(dimension) + 200)
            let halves = vectors[1].map { Float16($0).bitPattern }
            let rounded = vectors[1].map { Float(Float16($0)) }
            let expected = Fixtures.dot(vectors[0], rounded)
            for dot in [half_dot, half_dot_portable] {
                #expect(abs(Double(dot(vectors[0], halves, dimension)) - expected) < 1e-5, "dimension \(dimension)")
            }
            for widen in [half_to_float, half_to_float_portable] {
                var widened = [Float](repeating: .nan, count: dimension)
                widen(halves, &widened, dimension)
                #expect(widened == rounded)
            }
        }
    }

    @Test func findsWhatTheRoundedVectorsRankAndScoresWithinAThousandthOfFloat32() throws {
        let vectors = Fixtures.clusteredUnitVectors(count: 2000, dimension: 384, clusters: 20, seed: 21)
        var index = ExactVectorIndex(dimension: 384, precision: .float16)
        for (offset, vector) in vectors.enumerated() {
            try index.add(id: Int64(offset) + 1, vector: vector)
        }
        let rounded = Dictionary(uniqueKeysWithValues: vectors.enumerated().map { (Int64($0.offset) + 1, $0.element.map { Float(Float16($0)) }) })
        let exact = Dictionary(uniqueKeysWithValues: vectors.enumerated().map { (Int64($0.offset) + 1, $0.element) })
        for query in Fixtures.randomUnitVectors(count: 10, dimension: 384, seed: 22) + vectors.prefix(10) {
            let found = try index.search(query: query, k: 10)
            let truth = Fixtures.naiveTopK(query: query, vectors: rounded, k: 10)
            #expect(found.map(\.id) == truth.map(\.id))
            for hit in found {
                #expect(abs(Double(hit.score) - Fixtures.dot(query, exact[hit.id]!)) < 1e-3)
            }
        }
        let customer: [Int64] = [3, 3, 50, 700, 1999, 123_456]
        let among = try index.search(query: vectors[49], k: 2, among: customer)
        #expect(among.map(\.id) == [50, Fixtures.naiveTopK(query: vectors[49], vectors: rounded.filter { [3, 700, 1999].contains($0.key) }, k: 1)[0].id])
        #expect(try index.search(query: vectors[0], k: 5, filter: { $0 % 2 == 0 }).allSatisfy { $0.id % 2 == 0 })
    }

    @Test func removingReplacingAndRefusingKeepEveryOtherVectorInPlace() throws {
        let vectors = Fixtures.randomUnitVectors(count: 60, dimension: 24, seed: 23)
        var index = ExactVectorIndex(dimension: 24, precision: .float16)
        for (offset, vector) in vectors.enumerated() {
            try index.add(id: Int64(offset) + 1, vector: vector)
        }
        for id in stride(from: Int64(3), through: 60, by: 3) {
            let wasPresent = index.remove(id: id)
            #expect(wasPresent)
        }
        let removedTwice = index.remove(id: 3)
        #expect(!removedTwice)
        let replacement = vectors[0].map { -$0 }
        try index.add(id: 1, vector: replacement)
        #expect(index.count == 40)
        let short = #expect(throws: VectorIndexError.self) { try index.add(id: 99, vector: [Float](repeating: 0, count: 23)) }
        #expect(short?.code == .dimensionMismatch)
        let notANumber = #expect(throws: VectorIndexError.self) { try index.add(id: 99, vector: [Float](repeating: .nan, count: 24)) }
        #expect(notANumber?.code == .invalidVector)
        let beyondFloat16 = #expect(throws: VectorIndexError.self) { try index.add(id: 2, vector: [1e5] + [Float](repeating: 0, count: 23)) }
        #expect(beyondFloat16?.code == .invalidVector)
        #expect(index.count == 40 && !index.contains(99))
        for (offset, vector) in vectors.enumerated() {
            let id = Int64(offset) + 1
            let expected = id == 1 ? replacement : vector
            if id % 3 == 0 {
                #expect(index.vector(for: id) == nil)
            } else {
                // Swap-remove moved vectors around: each must still be found under its own id.
                #expect(index.vector(for: id) == expected.map { Float(Float16($0)) })
                #expect(try index.search(query: expected, k: 1).first?.id == id)
            }
        }
        var half = ExactVectorIndex(dimension: 24, precision: .float16)
        var float32 = ExactVectorIndex(dimension: 24)
        half.reserveCapacity(vectors.count)
        float32.reserveCapacity(vectors.count)
        for (offset, vector) in vectors.enumerated() {
            try half.add(id: Int64(offset), vector: vector)
            try float32.add(id: Int64(offset), vector: vector)
        }
        #expect(half.footprint.vectorBytes >= vectors.count * 24 * 2)
        #expect(half.footprint.vectorBytes * 2 <= float32.footprint.vectorBytes + 64, "allocations round up a little")
    }
}
