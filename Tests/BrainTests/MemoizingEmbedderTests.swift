import Brain
import Foundation
import Synchronization
import Testing

/// Counts the texts it is asked to embed.
private final class CountingEmbedder: Embedder {
    let inner = LexicalEmbedder()
    let asked = Mutex<[String]>([])
    var identifier: String { inner.identifier }
    var dimension: Int { inner.dimension }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        asked.withLock { $0 += texts }
        return try await inner.embed(texts)
    }
}

@Suite struct MemoizingEmbedderTests {
    @Test func aTextEmbeddedAgainIsNotComputedAgain() async throws {
        let counting = CountingEmbedder()
        let embedder = MemoizingEmbedder(counting, capacity: 3)
        #expect(embedder.identifier == counting.identifier && embedder.dimension == 384)
        let first = try await embedder.embed(["When are you open?", "Do you deliver?"])
        #expect(first == (try await counting.inner.embed(["When are you open?", "Do you deliver?"])))
        // Trimmed the same, asked twice in one call: computed once, in order.
        let again = try await embedder.embed(["  When are you open?\n", "Is there parking?", "Is there parking?"])
        #expect(again[0] == first[0] && again[1] == again[2])
        #expect(counting.asked.withLock { $0 } == ["When are you open?", "Do you deliver?", "Is there parking?"])

        // Capacity 3: a fourth text forgets the least recently used ("Do you deliver?").
        _ = try await embedder.embed(["Do you sell gift cards?"])
        #expect(embedder.count == 3)
        _ = try await embedder.embed(["When are you open?", "Do you deliver?"])
        #expect(counting.asked.withLock { $0.suffix(2) } == ["Do you sell gift cards?", "Do you deliver?"])
        #expect(try await embedder.embed([]).isEmpty)
    }
}
