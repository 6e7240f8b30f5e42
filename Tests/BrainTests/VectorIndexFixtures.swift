import Foundation

@testable import Brain

/// Seeded vectors and brute-force answers for the vector-index tests.
enum VectorIndexFixtures {
    /// Unit vectors with independent Gaussian components: uniform on the sphere, the hardest
    /// case for a graph index (no structure to exploit).
    static func randomUnitVectors(count: Int, dimension: Int, seed: UInt64) -> [[Float]] {
        var generator = SeededGenerator(seed: seed)
        return (0 ..< count).map { _ in normalized(gaussian(dimension, using: &generator)) }
    }

    /// Unit vectors around `clusters` random centres: centre + Gaussian noise of total length
    /// about `noise`, normalized (0.7 gives a cosine of about 0.8 to the centre). Sentence
    /// embeddings look more like this than like uniform noise.
    static func clusteredUnitVectors(count: Int, dimension: Int, clusters: Int, noise: Float = 0.7, seed: UInt64) -> [[Float]] {
        var generator = SeededGenerator(seed: seed)
        let centres = (0 ..< clusters).map { _ in normalized(gaussian(dimension, using: &generator)) }
        let scale = noise / Float(dimension).squareRoot()
        return (0 ..< count).map { _ in
            let centre = centres[Int.random(in: 0 ..< clusters, using: &generator)]
            let offset = gaussian(dimension, using: &generator)
            return normalized(zip(centre, offset).map { $0 + scale * $1 })
        }
    }

    /// An exact index holding `vectors[i]` under id `Int64(i) + 1`.
    static func exactIndex(_ vectors: [[Float]]) throws -> ExactVectorIndex {
        var index = ExactVectorIndex(dimension: vectors[0].count)
        for (offset, vector) in vectors.enumerated() {
            try index.add(id: Int64(offset) + 1, vector: vector)
        }
        return index
    }

    /// The top `k` by a Double dot product and a full sort: the answer to check against.
    static func naiveTopK(query: [Float], vectors: [Int64: [Float]], k: Int, where allowed: (Int64) -> Bool = { _ in true }) -> [(id: Int64, score: Double)] {
        vectors
            .filter { allowed($0.key) }
            .map { (id: $0.key, score: dot(query, $0.value)) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
            .prefix(k)
            .map { $0 }
    }

    /// The fraction of the true top-k ids that a search found, over all queries.
    static func recall(found: [[Int64]], truth: [[Int64]]) -> Double {
        var hits = 0
        var total = 0
        for (result, expected) in zip(found, truth) {
            hits += Set(result).intersection(expected).count
            total += expected.count
        }
        return total == 0 ? 1 : Double(hits) / Double(total)
    }

    static func dot(_ lhs: [Float], _ rhs: [Float]) -> Double {
        var sum: Double = 0
        for index in lhs.indices {
            sum += Double(lhs[index]) * Double(rhs[index])
        }
        return sum
    }

    static func gaussian(_ count: Int, using generator: inout SeededGenerator) -> [Float] {
        (0 ..< count).map { _ in
            // Box–Muller.
            let u1 = 1 - Double.random(in: 0 ..< 1, using: &generator)
            let u2 = Double.random(in: 0 ..< 1, using: &generator)
            return Float((-2 * log(u1)).squareRoot() * cos(2 * .pi * u2))
        }
    }

    static func normalized(_ vector: [Float]) -> [Float] {
        let length = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return vector.map { $0 / length }
    }
}
