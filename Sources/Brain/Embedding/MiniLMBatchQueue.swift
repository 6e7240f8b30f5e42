import Foundation

/// Runs embedding requests as forward passes on up to `lanes` threads at once (one per core), and
/// packs the requests that arrive while the lanes are busy into the next passes.
///
/// Many callers embedding one text each then cost a few passes over all their texts, not one
/// pass each. A pass takes whole requests, in arrival order, up to `textsPerPass` texts (at least
/// one request), so a large request delays the others by one pass at most. Each lane runs its
/// pass on one thread (OpenBLAS single-threaded): whole passes side by side use the cores better
/// than one pass whose element-wise steps run on one core while OpenBLAS's threads wait.
final class MiniLMBatchQueue: @unchecked Sendable {
    // @unchecked Sendable: `pending` and `activeLanes` are read and written only under `lock`;
    // everything else is immutable.

    private struct Request {
        let texts: [String]
        let continuation: CheckedContinuation<[[Float]], Never>
    }

    private let lock = NSLock()
    private var pending: [Request] = []
    private var activeLanes = 0
    private let lanes: Int
    private let queue = DispatchQueue(label: "Brain.MiniLMEmbedder", qos: .userInitiated, attributes: .concurrent)
    private let textsPerPass: Int
    private let embed: @Sendable ([String]) -> [[Float]]

    /// - Parameters:
    ///   - textsPerPass: most texts in one pass (unless one request has more).
    ///   - lanes: most passes running at once.
    ///   - embed: turns texts into vectors, on a lane's thread.
    init(textsPerPass: Int, lanes: Int = 1, embed: @escaping @Sendable ([String]) -> [[Float]]) {
        self.textsPerPass = textsPerPass
        self.lanes = max(1, lanes)
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
            let startLane = lock.withLock {
                pending.append(Request(texts: texts, continuation: continuation))
                guard activeLanes < lanes else { return false }
                activeLanes += 1
                return true
            }
            if startLane {
                queue.async { self.drain() }
            }
        }
    }

    /// Runs passes until no request is left (one lane).
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
                if requests.isEmpty { activeLanes -= 1 }
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
