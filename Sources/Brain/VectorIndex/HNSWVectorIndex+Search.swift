extension HNSWVectorIndex {
    /// How a search found its results (tests and benchmarks look at this).
    enum SearchPath: Equatable {
        /// The graph walk.
        case graph
        /// A scan of every live vector: k covers the whole index, or the walk went over budget
        /// (a selective filter) or came back short.
        case scan
    }

    /// The `k` live vectors with the highest dot product with `query`, best first, from a walk of
    /// `parameters.efSearch` candidates.
    public func search(query: [Float], k: Int, filter: ((Int64) -> Bool)?) throws -> [(id: Int64, score: Float)] {
        try search(query: query, k: k, filter: filter, efSearch: parameters.efSearch)
    }

    /// The `k` live vectors with the highest dot product with `query`, best first.
    ///
    /// - Parameter efSearch: candidates kept during the walk (raised to `k`); higher is slower
    ///   and finds more of the true nearest.
    public func search(query: [Float], k: Int, filter: ((Int64) -> Bool)?, efSearch: Int) throws -> [(id: Int64, score: Float)] {
        try VectorIndexError.validateQuery(query, dimension: dimension)
        return searchReportingPath(query: query, k: k, filter: filter, efSearch: efSearch).results
    }

    /// Scans the given ids when there are at most `parameters.exactCandidateLimit` of them
    /// (exact), else walks the graph admitting only them.
    public func search(query: [Float], k: Int, among candidates: some Collection<Int64>) throws -> [(id: Int64, score: Float)] {
        try VectorIndexError.validateQuery(query, dimension: dimension)
        guard k > 0, !candidates.isEmpty else { return [] }
        if candidates.count > parameters.exactCandidateLimit {
            let allowed = candidates as? Set<Int64> ?? Set(candidates)
            return searchReportingPath(query: query, k: k, filter: { allowed.contains($0) }, efSearch: parameters.efSearch).results
        }
        return withReadAccess {
            var found: [Int32] = candidates.compactMap { slots[$0] }
            found.sort()
            return scan(query: query, k: k, slots: found.removingAdjacentDuplicates(), filter: nil)
        }
    }

    /// `search(query:k:filter:efSearch:)` for a query of the right length, saying how it searched.
    func searchReportingPath(query: [Float], k: Int, filter: ((Int64) -> Bool)?, efSearch: Int) -> (results: [(id: Int64, score: Float)], path: SearchPath) {
        guard k > 0 else { return ([], .graph) }
        return withReadAccess {
            let live = slots.count
            let allSlots = 0 ..< Int32(storage.count)
            guard live > 0, let entry = entryPoint.read() else { return ([], .graph) }
            if k >= live {
                return (scan(query: query, k: k, slots: allSlots, filter: filter), .scan)
            }
            let ef = max(efSearch, k)
            let admission = HNSWAdmission(skipsDeleted: live < storage.count, filter: filter)
            // Only a walk that can reject nodes can wander. An unfiltered walk scores about
            // 0.6 × m0 × ef nodes, one admitting half the nodes twice that; past 2 × m0 × ef, or
            // a quarter of the graph (but at most half of it), a scan with the filter first
            // costs about as much, and is exact.
            let budget = admission.skipsDeleted || filter != nil
                ? min(live / 2, max(live / 4, 2 * parameters.m0 * ef)) : .max
            let graph = storage.graph
            let found = query.withUnsafeBufferPointer { query in
                withVisitedList { visited in
                    graph.nearest(to: query.baseAddress.unsafelyUnwrapped, k: k, ef: ef, entry: entry,
                                  admission: admission, visited: visited, budget: budget)
                }
            }
            // Short without a filter: part of the graph was unreachable from the entry point.
            guard let found, found.count >= k || filter != nil else {
                return (scan(query: query, k: k, slots: allSlots, filter: filter), .scan)
            }
            let results = found
                .map { (id: graph.ids[Int($0.slot)], score: $0.score) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
                .prefix(k)
            return (Array(results), .graph)
        }
    }

    /// Scores every live vector among `slots` (the filter first: a scan after a walk gave up
    /// means the filter is selective). Call with the lock held.
    private func scan(query: [Float], k: Int, slots: some Sequence<Int32>, filter: ((Int64) -> Bool)?) -> [(id: Int64, score: Float)] {
        let graph = storage.graph
        var top = TopK(k: min(k, self.slots.count))
        query.withUnsafeBufferPointer { query in
            let query = query.baseAddress.unsafelyUnwrapped
            for slot in slots where !graph.deleted[Int(slot)] {
                if let filter, !filter(graph.ids[Int(slot)]) { continue }
                let score = graph.score(query, slot)
                top.insert(ScoredSlot(score: score, slot: slot))
            }
        }
        return top.results { graph.ids[Int($0)] }
    }
}
