import Foundation
import Synchronization

/// Remembers the vectors of the last texts it embedded, so a text embedded again soon is not
/// computed again: a customer's question is embedded for the memory recall, looked up in the
/// semantic cache, and stored as a message the memory indexer embeds, three times the same text
/// within a second. The vectors are the wrapped embedder's (same identifier).
///
/// Texts are compared after trimming white space at both ends (no embedder gives it meaning).
/// The least recently used text is forgotten first.
public final class MemoizingEmbedder: Embedder {
    private struct State {
        var vectors: [String: (vector: [Float], lastUse: UInt64)] = [:]
        var clock: UInt64 = 0
    }

    public let wrapped: any Embedder
    public let capacity: Int
    private let state = Mutex(State())

    public var identifier: String { wrapped.identifier }
    public var dimension: Int { wrapped.dimension }
    public func knowsWord(_ word: String) -> Bool? { wrapped.knowsWord(word) }

    public init(_ wrapped: any Embedder, capacity: Int = 512) {
        self.wrapped = wrapped
        self.capacity = max(1, capacity)
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        let keys = texts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var found = state.withLock { state in
            keys.map { key -> [Float]? in
                guard let known = state.vectors[key] else { return nil }
                state.clock += 1
                state.vectors[key] = (known.vector, state.clock)
                return known.vector
            }
        }
        var seen = Set<String>()
        let missing = keys.indices.filter { found[$0] == nil }.map { keys[$0] }.filter { seen.insert($0).inserted }
        guard !missing.isEmpty else { return found.map { $0 ?? [] } }
        let computed = Dictionary(uniqueKeysWithValues: zip(missing, try await wrapped.embed(missing)))
        state.withLock { state in
            for (key, vector) in computed {
                state.clock += 1
                state.vectors[key] = (vector, state.clock)
            }
            if state.vectors.count > capacity {
                let oldest = state.vectors.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(state.vectors.count - capacity)
                for (key, _) in oldest { state.vectors[key] = nil }
            }
        }
        for index in keys.indices where found[index] == nil { found[index] = computed[keys[index]] }
        return found.map { $0 ?? [] }
    }

    /// How many texts it remembers now.
    public var count: Int { state.withLock { $0.vectors.count } }
}
