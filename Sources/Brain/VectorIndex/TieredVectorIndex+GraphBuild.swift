extension TieredVectorIndex {
    /// Whether a graph build is due and none is in flight: an exact index at or past
    /// `policy.graphThreshold`, or a graph whose deleted nodes exceed `policy.maxDeletedFraction`.
    public var needsGraphBuild: Bool {
        lock.withReadLock {
            guard pendingBuild == nil else { return false }
            guard let graph else { return exact.count >= policy.graphThreshold }
            let deleted = graph.deletedCount
            return Double(deleted) > policy.maxDeletedFraction * Double(deleted + graph.count)
        }
    }

    /// Starts a graph build: returns the vectors to build from and starts recording changes.
    ///
    /// The owner builds off its own executor and installs the result; writes made meanwhile
    /// are replayed onto the new graph by `installGraph(_:for:)`:
    ///
    ///     let ticket = memory.beginGraphBuild()
    ///     let graph = await HNSWVectorIndex.build(from: ticket.snapshot, parameters: ticket.parameters, threads: 2)
    ///     try memory.installGraph(graph, for: ticket)
    ///
    /// A new call supersedes a build in flight (its ticket becomes stale). From an exact
    /// backend the snapshot shares storage until the next write, which copies the vectors
    /// once; from a graph (compaction) it is a full copy of the live vectors.
    public func beginGraphBuild() -> GraphBuildTicket {
        lock.withWriteLock {
            generations += 1
            pendingBuild = (generations, [])
            return GraphBuildTicket(generation: generations, snapshot: graph?.snapshot() ?? exact, parameters: policy.graph)
        }
    }

    /// Abandons the build of `ticket` (it failed, or the owner shuts down).
    public func cancelGraphBuild(_ ticket: GraphBuildTicket) {
        lock.withWriteLock {
            if pendingBuild?.generation == ticket.generation { pendingBuild = nil }
        }
    }

    /// Makes `graph`, built from `ticket.snapshot`, the backend: first replays the adds and
    /// removes made since `beginGraphBuild()` (one graph insert each), then frees the old backend.
    ///
    /// - Throws: `VectorIndexError.Code.staleBuild` when `ticket` is not the build in flight,
    ///   `.dimensionMismatch` when the graph's dimension differs; the index is unchanged then.
    public func installGraph(_ graph: HNSWVectorIndex, for ticket: GraphBuildTicket) throws {
        try lock.withWriteLock {
            guard let pending = pendingBuild, pending.generation == ticket.generation else {
                throw VectorIndexError.staleBuild(generation: ticket.generation)
            }
            guard graph.dimension == dimension else {
                throw VectorIndexError.wrongGraph(expected: dimension, actual: graph.dimension)
            }
            for id in pending.changed {
                if let vector = self.graph?.vector(for: id) ?? exact.vector(for: id) {
                    try graph.add(id: id, vector: vector)
                } else {
                    graph.remove(id: id)
                }
            }
            self.graph = graph
            exact = ExactVectorIndex(dimension: dimension)
            pendingBuild = nil
        }
    }

    /// Builds and installs a graph now, on the calling thread (blocking it for the build).
    public func buildGraph(threads: Int = 1) {
        let ticket = beginGraphBuild()
        let graph = HNSWVectorIndex.build(from: ticket.snapshot, parameters: ticket.parameters, threads: threads)
        // Cannot throw: the ticket is current unless another thread began a build meanwhile,
        // in which case that build installs its own graph.
        try? installGraph(graph, for: ticket)
    }
}
