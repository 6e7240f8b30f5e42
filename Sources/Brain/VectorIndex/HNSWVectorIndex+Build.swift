import Foundation

extension HNSWVectorIndex {
    /// A graph of every vector in `source`, inserted in storage order.
    ///
    /// Blocks the calling thread for the whole build (with the default parameters about 90 s
    /// for 100k clustered 384-d vectors on two threads, 16 min for 1M; see IndexBench): call it
    /// from a dedicated thread, or use the `async` overload.
    /// - Parameter threads: insert on this many threads at once (a lock per node's links, as
    ///   hnswlib does). One thread, or fewer than 1000 vectors, gives the same graph for the
    ///   same seed on every run.
    public static func build(from source: ExactVectorIndex, parameters: HNSWParameters = HNSWParameters(), threads: Int = 1) -> HNSWVectorIndex {
        let index = HNSWVectorIndex(dimension: source.dimension, parameters: parameters)
        index.insertAll(source, threads: max(threads, 1))
        return index
    }

    /// `build(from:parameters:threads:)` on a thread of its own, so that no thread of Swift's
    /// cooperative pool is blocked for the minutes a large build takes.
    public static func build(from source: ExactVectorIndex, parameters: HNSWParameters = HNSWParameters(), threads: Int = 1) async -> HNSWVectorIndex {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: HNSWVectorIndex.build(from: source, parameters: parameters, threads: threads))
            }
            thread.name = "HNSWVectorIndex.build"
            thread.start()
        }
    }

    /// Appends every vector of `source`, then links them.
    private func insertAll(_ source: ExactVectorIndex, threads: Int) {
        withWriteAccess {
            let total = source.count
            guard total > 0 else { return }
            storage.reserve(storage.count + total)
            slots.reserveCapacity(slots.count + total)
            let first = storage.count
            source.storage.withUnsafeBufferPointer { vectors in
                guard let base = vectors.baseAddress else { return }
                for (row, id) in source.ids.enumerated() {
                    let level = parameters.drawLevel(using: &generator)
                    slots[id] = storage.append(id: id, vector: base + row * dimension, level: level)
                }
            }
            let graph = storage.graph
            let efConstruction = parameters.efConstruction
            let entryPoint = entryPoint
            let capacity = storage.count
            let m0 = parameters.m0
            let next = ChunkCounter(range: first ..< first + total, chunk: 64)
            let work: @Sendable (NodeLocks?) -> Void = { locks in
                let visited = VisitedList(capacity: capacity)
                let buffer = UnsafeMutablePointer<Int32>.allocate(capacity: m0)
                defer { buffer.deallocate() }
                while let chunk = next.take() {
                    for slot in chunk {
                        graph.insert(Int32(slot), entryPoint: entryPoint, efConstruction: efConstruction,
                                     locks: locks, visited: visited, buffer: buffer)
                    }
                }
            }
            if threads == 1 || total < 1000 {
                work(nil)
            } else {
                let locks = NodeLocks()
                DispatchQueue.concurrentPerform(iterations: threads) { _ in work(locks) }
            }
        }
    }
}
