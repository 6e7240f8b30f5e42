@testable import Brain
import Foundation
import Testing

/// The native MiniLM forward pass against the numpy reference
/// (`scripts/semantic/reference_embeddings.py`, itself checked against sentence-transformers'
/// published scores).
@Suite struct MiniLMParityTests {
    let embedder: MiniLMEmbedder
    let references: [MiniLMTestSupport.Reference]

    init() throws {
        embedder = try MiniLMEmbedder(modelDirectory: try MiniLMTestSupport.modelDirectory())
        references = try MiniLMTestSupport.references()
    }

    @Test func describesItself() {
        #expect(embedder.identifier == "all-MiniLM-L6-v2")
        #expect(embedder.dimension == 384)
    }

    @Test func matchesTheReferenceOnItsTokenIDs() throws {
        #expect(references.count >= 50)
        let vectors = embedder.embedSync(tokenIDs: references.map(\.ids))
        try #require(vectors.count == references.count)
        var lowest = (cosine: 1.0, text: "")
        for (reference, vector) in zip(references, vectors) {
            let cosine = MiniLMTestSupport.cosine(reference.embedding, vector)
            #expect(cosine >= 0.9999, "cosine \(cosine) for \(reference.text.prefix(60))")
            #expect(abs(MiniLMTestSupport.norm(vector) - 1) < 1e-5, "not unit length: \(reference.text.prefix(60))")
            if cosine < lowest.cosine { lowest = (cosine, reference.text) }
        }
        print("MiniLM parity on \(references.count) token id sequences: minimum cosine \(lowest.cosine) (\(lowest.text.prefix(40)))")
    }

    @Test func matchesTheReferenceOnItsTexts() async throws {
        let vectors = try await embedder.embed(references.map(\.text))
        try #require(vectors.count == references.count)
        var lowest = 1.0
        for (reference, vector) in zip(references, vectors) {
            let cosine = MiniLMTestSupport.cosine(reference.embedding, vector)
            #expect(cosine >= 0.9999, "cosine \(cosine) for \(reference.text.prefix(60))")
            lowest = min(lowest, cosine)
        }
        print("MiniLM parity on \(references.count) texts: minimum cosine \(lowest)")
    }

    @Test func matchesTheReferenceOneSentenceAtATime() {
        // Alone, a sentence goes through the packed float16 kernel (on AVX-512 CPUs), not OpenBLAS.
        var lowest = (cosine: 1.0, text: "")
        for reference in references {
            let vector = embedder.embedSync(tokenIDs: [reference.ids])[0]
            let cosine = MiniLMTestSupport.cosine(reference.embedding, vector)
            #expect(cosine >= 0.9999, "cosine \(cosine) for \(reference.text.prefix(60))")
            if cosine < lowest.cosine { lowest = (cosine, reference.text) }
        }
        print("MiniLM parity on \(references.count) sequences one at a time: minimum cosine \(lowest.cosine) (\(lowest.text.prefix(40)))")
    }

    @Test func aBatchEmbedsEachSentenceAsIfAlone() {
        // A few short sentences packed into one pass of the few-row kernel: exactly as alone.
        let few = Array(references.filter { $0.ids.count <= 20 }.prefix(4))
        #expect(few.count == 4 && few.map(\.ids.count).reduce(0, +) <= LinearWeight.packedRowLimit)
        let together = embedder.embedSync(tokenIDs: few.map(\.ids))
        for (index, reference) in few.enumerated() {
            let alone = embedder.embedSync(tokenIDs: [reference.ids])[0]
            let difference = MiniLMTestSupport.largestDifference(alone, together[index])
            #expect(difference < 1e-5, "\(reference.text.prefix(40)): batch and alone differ by \(difference)")
        }
        // Short sentences of different lengths and one of 256 tokens: an OpenBLAS pass on the
        // float32 weights, against the float16 kernel alone. A sentence attending to another or
        // to padding would move far more than float16 rounding does.
        let sample = Array(references.prefix(24)) + references.suffix(1)
        let batch = embedder.embedSync(tokenIDs: sample.map(\.ids))
        for (index, reference) in sample.enumerated() {
            let alone = embedder.embedSync(tokenIDs: [reference.ids])[0]
            let cosine = MiniLMTestSupport.cosine(alone, batch[index])
            #expect(cosine >= 0.99999, "\(reference.text.prefix(40)): batch and alone at cosine \(cosine)")
        }
    }

    @Test func cutsLongInputsAndToleratesBadIDs() throws {
        let long = try #require(references.map(\.ids).max { $0.count < $1.count })
        #expect(long.count == 256)
        // 300 more word pieces before the final [SEP]: cut back to the same 256 ids.
        let longer = long.dropLast() + Array(repeating: 1012, count: 300) + long.suffix(1)
        let vectors = embedder.embedSync(tokenIDs: [Array(longer), long, [], [101, 999_999, -5, 102], [101, 100, 100, 102]])
        try #require(vectors.count == 5)
        #expect(MiniLMTestSupport.largestDifference(vectors[0], vectors[1]) < 1e-6)
        #expect(vectors[2] == [Float](repeating: 0, count: 384))
        #expect(MiniLMTestSupport.largestDifference(vectors[3], vectors[4]) < 1e-6)
    }

    @Test func concurrentCallersGetTheirOwnVectors() async throws {
        let texts = references.prefix(16).map(\.text)
        let expected = try await embedder.embed(texts)
        // One text per caller: the batch queue packs them into shared passes.
        try await withThrowingTaskGroup(of: (Int, [[Float]]).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, try await embedder.embed([text])) }
            }
            for _ in 0..<3 {
                group.addTask { (-1, try await embedder.embed(texts)) }
            }
            for try await (index, vectors) in group {
                let wanted = index < 0 ? expected : [expected[index]]
                #expect(vectors.count == wanted.count)
                // Shared passes may take either kernel (float16 or float32 weights): same vector to 1e-5.
                #expect(zip(vectors, wanted).allSatisfy { MiniLMTestSupport.cosine($0, $1) >= 0.99999 })
            }
        }
        #expect(try await embedder.embed([]).isEmpty)
    }
}
