import Foundation

/// Runs embedding requests on a serial dispatch queue, one forward pass at a time, and packs the
/// requests that arrive while a pass runs into the next pass.
///
/// Many callers embedding one text each then cost one pass over all their texts, not one pass
/// each: a single text leaves OpenBLAS little to share among its threads, a batch of them does.
/// A pass takes whole requests, in arrival order, up to `textsPerPass` texts (at least one
/// request), so a large request delays the others by one pass at most.
final class MiniLMBatchQueue: @unchecked Sendable {
    // @unchecked Sendable: `pending` and `draining` are read and written only under `lock`;
    // everything else is immutable.

    private struct Request {
        let texts: [String]
        let continuation: CheckedContinuation<[[Float]], Never>
    }

    private let lock = NSLock()
    private var pending: [Request] = []
    private var draining = false
    private let queue = DispatchQueue(label: "Brain.MiniLMEmbedder", qos: .userInitiated)
    private let textsPerPass: Int
    private let embed: @Sendable ([String]) -> [[Float]]

    /// - Parameters:
    ///   - textsPerPass: most texts in one pass (unless one request has more).
    ///   - embed: turns texts into vectors, on the queue's thread.
    init(textsPerPass: Int, embed: @escaping @Sendable ([String]) -> [[Float]]) {
        self.textsPerPass = textsPerPass
        self.embed = embed
    }

    /// How many requests wait for a pass (for tests).
    var waitingRequests: Int {
        lock.withLock { pending.count }
    }

    /// The vectors of `texts`, computed on the queue.
    func vectors(for texts: [String]) async -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        return await withCheckedContinuation { continuation in
            let startDraining = lock.withLock {
                pending.append(Request(texts: texts, continuation: continuation))
                defer { draining = true }
                return !draining
            }
            if startDraining {
                queue.async { self.drain() }
            }
        }
    }

    /// Runs passes until no request is left.
    private func drain() {
        while true {
            let requests = lock.withLock {
                var taken = 0
                var count = 0
                while taken < pending.count, taken == 0 || count + pending[taken].texts.count <= textsPerPass {
                    count += pending[taken].texts.count
                    taken += 1
                }
                let requests = Array(pending.prefix(taken))
                pending.removeFirst(taken)
                if requests.isEmpty { draining = false }
                return requests
            }
            if requests.isEmpty { return }
            let vectors = embed(requests.flatMap(\.texts))
            var start = 0
            for request in requests {
                let end = start + request.texts.count
                request.continuation.resume(returning: Array(vectors[start..<end]))
                start = end
            }
        }
    }
}
