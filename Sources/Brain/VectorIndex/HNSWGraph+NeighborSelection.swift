extension HNSWGraph {
    /// The paper's neighbour-selection heuristic (its Algorithm 4, without extending the
    /// candidates or keeping pruned ones, as hnswlib does): from the closest candidate outwards,
    /// keep one only if it is closer to the base node than to every neighbour already kept.
    /// Links then point in different directions, which keeps clustered data navigable.
    ///
    /// - Parameter candidates: scored against the base node, best first.
    func selectNeighbors(_ candidates: [ScoredSlot], max limit: Int) -> [ScoredSlot] {
        guard candidates.count > limit else { return candidates }
        var selected: [ScoredSlot] = []
        selected.reserveCapacity(limit)
        for candidate in candidates {
            let candidateVector = UnsafePointer(vector(candidate.slot))
            var isDiverse = true
            for kept in selected where dotProduct(candidateVector, vector(kept.slot), count: dimension) > candidate.score {
                isDiverse = false
                break
            }
            guard isDiverse else { continue }
            selected.append(candidate)
            if selected.count == limit { break }
        }
        return selected
    }

    /// Adds links (scored against `node`) to `node`'s list on `level`, skipping ones it has;
    /// when the list would overflow, keeps the heuristic's choice among old and new links.
    /// - Parameter warmed: collects the bits of cache-warming loads (see `VisitedList.sink`).
    func link(_ node: Int32, to newLinks: some Collection<ScoredSlot>, level: Int, locks: NodeLocks?, warmed: inout UInt32) {
        let limit = maxLinks(level: level)
        locks?.lock(node)
        defer { locks?.unlock(node) }
        let list = links(of: node, level: level)
        var count = Int(list[0])
        var overflow: [ScoredSlot] = []
        for link in newLinks where link.slot != node {
            guard !UnsafeBufferPointer(start: list + 1, count: count).contains(link.slot) else { continue }
            if count < limit {
                list[1 + count] = link.slot
                count += 1
            } else {
                overflow.append(link)
            }
        }
        guard !overflow.isEmpty else {
            list[0] = Int32(count)
            return
        }
        let base = UnsafePointer(vector(node))
        // Warm the neighbours' vectors first so that their cache misses overlap (see searchLevel).
        for index in 0 ..< count {
            warmed ^= warm(list[1 + index])
        }
        var pool = overflow
        pool.reserveCapacity(count + overflow.count)
        for index in 0 ..< count {
            pool.append(ScoredSlot(score: score(base, list[1 + index]), slot: list[1 + index]))
        }
        pool.sort { $0.score > $1.score }
        let kept = selectNeighbors(pool, max: limit)
        for (index, link) in kept.enumerated() {
            list[1 + index] = link.slot
        }
        list[0] = Int32(kept.count)
    }
}
