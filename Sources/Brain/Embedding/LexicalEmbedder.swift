import Foundation

/// The no-model fallback: hashed word and character-trigram counts, L2-normalized. It knows
/// spelling, not meaning ("refund" and "money back" are far apart), so it is used only when the
/// MiniLM model is not installed, and the gateway says so at start-up.
public struct LexicalEmbedder: Embedder {
    public let identifier: String
    public let dimension: Int

    public init(dimension: Int = 384) {
        precondition(dimension > 0, "a vector needs at least one dimension")
        self.dimension = dimension
        self.identifier = "lexical-hash-\(dimension)"
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map(vector)
    }

    /// The vector of one text: each lower-cased word adds 1 to its bucket, each character
    /// trigram of " word " adds 0.5 (so typos and inflections still overlap), signs from a
    /// second hash bit spread collisions around zero.
    public func vector(_ text: String) -> [Float] {
        var vector = [Float](repeating: 0, count: dimension)
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        for word in words {
            add(Array(word.unicodeScalars), weight: 1, to: &vector)
            let padded = [" "] + Array(word.unicodeScalars) + [" "]
            if padded.count >= 3 {
                for start in 0...(padded.count - 3) {
                    add(Array(padded[start..<(start + 3)]), weight: 0.5, to: &vector)
                }
            }
        }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return vector }
        return vector.map { $0 / norm }
    }

    private func add(_ scalars: [Unicode.Scalar], weight: Float, to vector: inout [Float]) {
        // FNV-1a: stable across runs and processes (Swift's Hasher is seeded per process).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars {
            hash ^= UInt64(scalar.value)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let bucket = Int(hash % UInt64(dimension))
        vector[bucket] += (hash >> 63) == 0 ? weight : -weight
    }
}
