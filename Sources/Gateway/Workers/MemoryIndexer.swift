import Brain
import Logging
import ServiceLifecycle

/// Embeds stored messages into the semantic memory in batches, off the request path: at
/// start-up it rebuilds the index from the stored vectors, then it embeds new messages as they
/// are stored (polling; an idle check is one indexed query).
struct MemoryIndexer: Service {
    let memory: SemanticMemory
    let batchSize: Int
    let idleInterval: Duration
    let logger: Logger

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let loaded = try await memory.load()
        logger.info("semantic memory loaded", metadata: [
            "vectors": "\(loaded)", "duration": "\(clock.now - started)",
            "embedder": "\(memory.embedder.identifier)",
        ])
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let embedded: Int
            do {
                embedded = try await memory.indexPending(batch: batchSize)
            } catch {
                logger.error("embedding messages failed; retrying", metadata: ["error": "\(error)"])
                embedded = 0
                try? await gracefulSleep(.seconds(5))
            }
            if embedded == 0 {
                try? await gracefulSleep(idleInterval)
            }
        }
    }

    private func gracefulSleep(_ duration: Duration) async throws {
        try await cancelWhenGracefulShutdown {
            try await Task.sleep(for: duration)
        }
    }
}
