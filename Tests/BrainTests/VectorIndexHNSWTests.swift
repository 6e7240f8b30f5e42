import Testing

@testable import Brain

@Suite struct VectorIndexHNSWTests {
    typealias Fixtures = VectorIndexFixtures
    static let parameters = HNSWParameters(m: 16, efConstruction: 100, efSearch: 64, seed: 7)

    /// Recall@k of graph searches against the exact answers; every search must walk the graph.
    func recall(of graph: HNSWVectorIndex, against exact: ExactVectorIndex, queries: [[Float]], k: Int = 10, efSearch: Int = 64) throws -> Double {
        var found: [[Int64]] = []
        var truth: [[Int64]] = []
        for query in queries {
            let search = graph.searchReportingPath(query: query, k: k, filter: nil, efSearch: efSearch)
            #expect(search.path == .graph)
            found.append(search.results.map(\.id))
            truth.append(try exact.search(query: query, k: k).map(\.id))
        }
        return Fixtures.recall(found: found, truth: truth)
    }

    /// Uniform random vectors carry no structure, so recall at a given ef falls as the dimension
    /// grows (hnswlib measures the same: 0.98 at 32-d, 0.94 at 384-d with ef 256, for 5k vectors);
    /// 32-d keeps this test meaningful and fast in a debug build. IndexBench measures 384-d.
    @Test func recallOnRandomUnitVectors() throws {
        let exact = try Fixtures.exactIndex(Fixtures.randomUnitVectors(count: 5000, dimension: 32, seed: 11))
        let graph = HNSWVectorIndex.build(from: exact, parameters: Self.parameters)
        #expect(graph.count == 5000)
        let queries = Fixtures.randomUnitVectors(count: 100, dimension: 32, seed: 12)
        let recall = try recall(of: graph, against: exact, queries: queries)
        #expect(recall >= 0.95, "recall@10 \(recall)")
    }

    /// Sentence embeddings fall into topics: 384-d vectors around 50 centres.
    @Test func recallOnClusteredVectors() throws {
        let vectors = Fixtures.clusteredUnitVectors(count: 5100, dimension: 384, clusters: 50, seed: 13)
        let exact = try Fixtures.exactIndex(Array(vectors.prefix(5000)))
        let graph = HNSWVectorIndex.build(from: exact, parameters: Self.parameters)
        let recall = try recall(of: graph, against: exact, queries: Array(vectors.suffix(100)))
        #expect(recall >= 0.95, "recall@10 \(recall)")
    }

    @Test func buildingOnTwoThreadsKeepsRecallAndEveryID() throws {
        let exact = try Fixtures.exactIndex(Fixtures.randomUnitVectors(count: 5000, dimension: 32, seed: 14))
        let graph = HNSWVectorIndex.build(from: exact, parameters: Self.parameters, threads: 2)
        #expect(graph.count == 5000)
        #expect((1 ... 5000).allSatisfy { graph.contains(Int64($0)) })
        let queries = Fixtures.randomUnitVectors(count: 100, dimension: 32, seed: 15)
        let recall = try recall(of: graph, against: exact, queries: queries)
        #expect(recall >= 0.95, "recall@10 \(recall)")
    }

    @Test func theSameSeedBuildsTheSameGraph() throws {
        let exact = try Fixtures.exactIndex(Fixtures.randomUnitVectors(count: 1500, dimension: 16, seed: 16))
        let first = HNSWVectorIndex.build(from: exact, parameters: Self.parameters)
        let second = HNSWVectorIndex.build(from: exact, parameters: Self.parameters)
        let firstLinks = links(of: first)
        #expect(firstLinks == links(of: second))
        var reseeded = Self.parameters
        reseeded.seed = 8
        #expect(firstLinks != links(of: HNSWVectorIndex.build(from: exact, parameters: reseeded)))
        for query in Fixtures.randomUnitVectors(count: 20, dimension: 16, seed: 17) {
            let lhs = try first.search(query: query, k: 10)
            let rhs = try second.search(query: query, k: 10)
            #expect(lhs.map(\.id) == rhs.map(\.id))
            #expect(lhs.map(\.score) == rhs.map(\.score))
        }
    }

    @Test func insertingOneAtATimeMatchesABuild() throws {
        let vectors = Fixtures.randomUnitVectors(count: 2000, dimension: 32, seed: 18)
        let exact = try Fixtures.exactIndex(vectors)
        let graph = HNSWVectorIndex(dimension: 32, parameters: Self.parameters)
        for (offset, vector) in vectors.enumerated() {
            try graph.add(id: Int64(offset) + 1, vector: vector)
        }
        #expect(links(of: graph) == links(of: HNSWVectorIndex.build(from: exact, parameters: Self.parameters)))
        let recall = try recall(of: graph, against: exact, queries: Fixtures.randomUnitVectors(count: 50, dimension: 32, seed: 19))
        #expect(recall >= 0.95, "recall@10 \(recall)")
    }

    @Test func deletedVectorsAreNeverReturned() throws {
        // Large enough that the walk stays within its budget (a quarter of the graph).
        let vectors = Fixtures.randomUnitVectors(count: 9000, dimension: 16, seed: 20)
        var exact = try Fixtures.exactIndex(vectors)
        let graph = HNSWVectorIndex.build(from: exact, parameters: Self.parameters)
        let deleted = Set((1 ... 9000).filter { $0 % 3 == 0 }.map(Int64.init))
        for id in deleted {
            #expect(graph.remove(id: id))
            exact.remove(id: id)
        }
        #expect(!graph.remove(id: 3))
        #expect(graph.count == 6000)
        #expect(graph.deletedCount == 3000)
        #expect(!graph.contains(3) && graph.vector(for: 3) == nil)
        // Each deleted vector as its own query: its node is the best match, and never returned.
        var found: [[Int64]] = []
        var truth: [[Int64]] = []
        for id in deleted.sorted().prefix(200) {
            let query = vectors[Int(id) - 1]
            let search = graph.searchReportingPath(query: query, k: 10, filter: nil, efSearch: 64)
            #expect(search.path == .graph)
            #expect(search.results.count == 10)
            #expect(search.results.allSatisfy { !deleted.contains($0.id) })
            found.append(search.results.map(\.id))
            truth.append(try exact.search(query: query, k: 10).map(\.id))
        }
        let recall = Fixtures.recall(found: found, truth: truth)
        #expect(recall >= 0.95, "recall@10 among the remaining \(recall)")
    }

    @Test func reAddingAnIDReplacesItsNode() throws {
        let vectors = Fixtures.randomUnitVectors(count: 300, dimension: 16, seed: 21)
        let graph = HNSWVectorIndex.build(from: try Fixtures.exactIndex(vectors), parameters: Self.parameters)
        graph.remove(id: 1)
        try graph.add(id: 1, vector: vectors[0])
        #expect(graph.count == 300)
        #expect(try graph.search(query: vectors[0], k: 1).first?.id == 1)
        // Same vector again: nothing to do. A new vector: the old node is retired.
        try graph.add(id: 1, vector: vectors[0])
        #expect(graph.deletedCount == 1)
        try graph.add(id: 1, vector: vectors[1])
        #expect(graph.deletedCount == 2)
        #expect(graph.vector(for: 1) == vectors[1])
        #expect(Set(try graph.search(query: vectors[1], k: 2).map(\.id)) == [1, 2])
    }

    @Test func filtersAreRespectedAndASelectiveOneScans() throws {
        let vectors = Fixtures.randomUnitVectors(count: 10_000, dimension: 16, seed: 22)
        let exact = try Fixtures.exactIndex(vectors)
        let graph = HNSWVectorIndex.build(from: exact, parameters: Self.parameters)
        let queries = Fixtures.randomUnitVectors(count: 30, dimension: 16, seed: 23)
        let isEven: (Int64) -> Bool = { $0 % 2 == 0 }
        for query in queries {
            let search = graph.searchReportingPath(query: query, k: 10, filter: isEven, efSearch: 64)
            #expect(search.path == .graph)
            #expect(search.results.count == 10)
            #expect(search.results.allSatisfy { isEven($0.id) })
        }
        // One id in 500: the walk would wander through the whole graph, so past its budget
        // (a quarter of the graph) it scans instead, exactly.
        let rare: (Int64) -> Bool = { $0 % 500 == 0 }
        for query in queries {
            let search = graph.searchReportingPath(query: query, k: 3, filter: rare, efSearch: 10)
            #expect(search.path == .scan)
            #expect(search.results.map(\.id) == (try exact.search(query: query, k: 3, filter: rare)).map(\.id))
        }
    }

    @Test func candidateSetsScanWhenSmallAndFilterTheWalkWhenLarge() throws {
        let vectors = Fixtures.randomUnitVectors(count: 3000, dimension: 32, seed: 24)
        let exact = try Fixtures.exactIndex(vectors)
        var parameters = Self.parameters
        parameters.exactCandidateLimit = 100
        let graph = HNSWVectorIndex.build(from: exact, parameters: parameters)
        let query = vectors[41]
        let few: [Int64] = [42, 7, 7, 99, 123_456]
        let found = try graph.search(query: query, k: 10, among: few)
        #expect(found.map(\.id) == (try exact.search(query: query, k: 10, among: few)).map(\.id))
        #expect(found.first?.id == 42)
        let many = Set((1 ... 1500).map(Int64.init))
        let filtered = try graph.search(query: query, k: 10, among: many)
        #expect(filtered.count == 10)
        #expect(filtered.allSatisfy { many.contains($0.id) })
        #expect(filtered.first?.id == 42)
    }

    @Test func kBeyondTheCountAndAnEmptyGraph() throws {
        let empty = HNSWVectorIndex(dimension: 8)
        #expect(try empty.search(query: [Float](repeating: 0.1, count: 8), k: 5).isEmpty)
        #expect(try empty.search(query: [Float](repeating: 0.1, count: 8), k: 5, among: [1]).isEmpty)
        #expect(empty.isEmpty && empty.deletedCount == 0)
        let vectors = Fixtures.randomUnitVectors(count: 40, dimension: 8, seed: 25)
        let graph = HNSWVectorIndex.build(from: try Fixtures.exactIndex(vectors), parameters: Self.parameters)
        graph.remove(id: 40)
        let all = try graph.search(query: vectors[0], k: 100)
        #expect(all.count == 39)
        #expect(Set(all.map(\.id)) == Set((1 ... 39).map(Int64.init)))
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(try graph.search(query: vectors[0], k: 0).isEmpty)
    }

    @Test func wrongDimensionsThrow() throws {
        let graph = HNSWVectorIndex(dimension: 4)
        let addError = #expect(throws: VectorIndexError.self) { try graph.add(id: 1, vector: [1, 2, 3]) }
        #expect(addError?.code == .dimensionMismatch)
        #expect(throws: VectorIndexError.self) { try graph.add(id: 1, vector: [1, 2, .infinity, 4]) }
        #expect(graph.isEmpty)
        try graph.add(id: 1, vector: [1, 0, 0, 0])
        let searchError = #expect(throws: VectorIndexError.self) { try graph.search(query: [1, 0, 0, 0, 0], k: 1) }
        #expect(searchError?.code == .dimensionMismatch)
        #expect(throws: VectorIndexError.self) { try graph.search(query: [1], k: 1, among: [1]) }
    }

    @Test func searchesRunWhileAnotherTaskWrites() async throws {
        let vectors = Fixtures.randomUnitVectors(count: 2500, dimension: 16, seed: 26)
        let graph = await HNSWVectorIndex.build(from: try Fixtures.exactIndex(Array(vectors.prefix(2000))), parameters: Self.parameters)
        let removed = Set((1 ... 2000).filter { $0 % 4 == 0 }.map(Int64.init))
        for id in removed { graph.remove(id: id) }
        let queries = Array(vectors.prefix(200))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for (offset, vector) in vectors.enumerated().dropFirst(2000) {
                    try graph.add(id: Int64(offset) + 1, vector: vector)
                    graph.remove(id: Int64(offset - 1000))
                }
            }
            for _ in 0 ..< 3 {
                group.addTask {
                    for query in queries {
                        let found = try graph.search(query: query, k: 10)
                        #expect(found.count == 10)
                        #expect(found.allSatisfy { !removed.contains($0.id) })
                    }
                }
            }
            try await group.waitForAll()
        }
        // 1500 live + 500 added − (500 removed, 125 of them already gone).
        #expect(graph.count == 1625)
    }

    @Test func footprintCountsVectorsAndLinks() throws {
        let graph = HNSWVectorIndex.build(from: try Fixtures.exactIndex(Fixtures.randomUnitVectors(count: 1000, dimension: 64, seed: 27)), parameters: Self.parameters)
        let footprint = graph.footprint
        #expect(footprint.vectorBytes == 1000 * 64 * 4)
        #expect(footprint.graphBytes >= 1000 * 33 * 4)
        #expect(footprint.totalBytes > footprint.vectorBytes + footprint.graphBytes)
    }

    /// Every link list of every node, level by level.
    func links(of graph: HNSWVectorIndex) -> [[Int32]] {
        graph.withReadAccess {
            let view = graph.storage.graph
            var lists: [[Int32]] = []
            for slot in 0 ..< Int32(graph.storage.count) {
                for level in 0 ... view.level(of: slot) {
                    let list = view.links(of: slot, level: level)
                    lists.append(Array(UnsafeBufferPointer(start: list + 1, count: Int(list[0]))))
                }
            }
            return lists
        }
    }
}
