extension HNSWGraph {
    /// Links an appended node into the graph (the paper's INSERT): greedy descent from the entry
    /// point to the node's top level, then on each level down to 0 a beam search of
    /// `efConstruction`, `m` neighbours chosen by the heuristic, and links both ways (a full
    /// neighbour list is pruned by the same heuristic).
    ///
    /// Safe to run on several threads at once for different nodes when `locks` is given and
    /// every node was appended beforehand: link lists are only read or written under their
    /// node's lock, vectors and levels no longer change.
    /// - Parameters:
    ///   - visited: the calling thread's own list, at least as large as the graph.
    ///   - buffer: the calling thread's scratch, at least `m0` long.
    func insert(_ node: Int32, entryPoint: HNSWEntryPoint, efConstruction: Int, locks: NodeLocks?,
                visited: VisitedList, buffer: UnsafeMutablePointer<Int32>) {
        let query = UnsafePointer(vector(node))
        let nodeLevel = level(of: node)
        entryPoint.lock.lock()
        guard let entry = entryPoint.current else {
            entryPoint.current = (node, nodeLevel)
            entryPoint.lock.unlock()
            return
        }
        let raisesTop = nodeLevel > entry.level
        if !raisesTop { entryPoint.lock.unlock() }
        defer {
            if raisesTop {
                entryPoint.current = (node, nodeLevel)
                entryPoint.lock.unlock()
            }
        }

        var warmed: UInt32 = 0
        defer { visited.sink ^= warmed }
        var closest = ScoredSlot(score: score(query, entry.slot), slot: entry.slot)
        var level = entry.level
        while level > nodeLevel {
            closest = greedyClosest(to: query, from: closest, level: level, locks: locks, buffer: buffer)
            level -= 1
        }
        while level >= 0 {
            if let found = searchLevel(query: query, entry: closest, ef: efConstruction, level: level,
                                       admission: .everyNode, locks: locks, visited: visited, buffer: buffer) {
                // Another thread may already have linked this node to a neighbour that the beam reached.
                let candidates = found.elements.filter { $0.slot != node }.sorted { $0.score > $1.score }
                if let best = candidates.first {
                    let neighbours = selectNeighbors(candidates, max: m)
                    link(node, to: neighbours, level: level, locks: locks, warmed: &warmed)
                    for neighbour in neighbours {
                        link(neighbour.slot, to: CollectionOfOne(ScoredSlot(score: neighbour.score, slot: node)),
                             level: level, locks: locks, warmed: &warmed)
                    }
                    closest = best
                }
            }
            level -= 1
        }
    }
}
