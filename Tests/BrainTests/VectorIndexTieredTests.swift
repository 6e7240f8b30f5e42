import Testing

@testable import Brain

@Suite struct VectorIndexTieredTests {
    typealias Fixtures = VectorIndexFixtures
    static let policy = VectorIndexPolicy(graphThreshold: 1000, maxDeletedFraction: 0.25,
                                          graph: HNSWParameters(m: 16, efConstruction: 100, efSearch: 64, seed: 3))

    func filled(_ vectors: [[Float]]) throws -> TieredVectorIndex {
        let index = TieredVectorIndex(dimension: vectors[0].count, policy: Self.policy)
        for (offset, vector) in vectors.enumerated() {
            try index.add(id: Int64(offset) + 1, vector: vector)
        }
        return index
    }

    @Test func staysExactBelowTheThresholdAndAsksForAGraphAtIt() throws {
        let vectors = Fixtures.randomUnitVectors(count: 1000, dimension: 16, seed: 1)
        let index = try filled(Array(vectors.prefix(999)))
        #expect(!index.needsGraphBuild)
        #expect(!index.isGraphBacked)
        try index.add(id: 1000, vector: vectors[999])
        #expect(index.needsGraphBuild)
        #expect(!index.isGraphBacked)
        #expect(try index.search(query: vectors[10], k: 1).first?.id == 11)
    }

    @Test func buildingInPlaceSwitchesToTheGraphWithTheSameContents() throws {
        let vectors = Fixtures.randomUnitVectors(count: 1200, dimension: 16, seed: 2)
        let index = try filled(vectors)
        let exact = try Fixtures.exactIndex(vectors)
        index.buildGraph(threads: 2)
        #expect(index.isGraphBacked)
        #expect(!index.needsGraphBuild)
        #expect(index.count == 1200)
        #expect(index.vector(for: 5) == vectors[4])
        #expect(index.footprint.graphBytes > 0)
        var found: [[Int64]] = []
        var truth: [[Int64]] = []
        for query in Fixtures.randomUnitVectors(count: 50, dimension: 16, seed: 3) {
            found.append(try index.search(query: query, k: 10).map(\.id))
            truth.append(try exact.search(query: query, k: 10).map(\.id))
        }
        #expect(Fixtures.recall(found: found, truth: truth) >= 0.95)
    }

    @Test func writesDuringABackgroundBuildAreReplayed() async throws {
        let vectors = Fixtures.randomUnitVectors(count: 1300, dimension: 16, seed: 4)
        let index = try filled(Array(vectors.prefix(1100)))
        let ticket = index.beginGraphBuild()
        #expect(!index.needsGraphBuild)
        // Meanwhile: new messages, deletions, and a replaced vector.
        for offset in 1100 ..< 1300 {
            try index.add(id: Int64(offset) + 1, vector: vectors[offset])
        }
        let removed = Set((1 ... 1100).filter { $0 % 10 == 0 }.map(Int64.init))
        for id in removed { index.remove(id: id) }
        try index.add(id: 1, vector: vectors[1299])

        let graph = await HNSWVectorIndex.build(from: ticket.snapshot, parameters: ticket.parameters, threads: 2)
        #expect(graph.count == 1100)
        try index.installGraph(graph, for: ticket)
        #expect(index.isGraphBacked)
        #expect(index.count == 1300 - removed.count)
        #expect(index.vector(for: 1) == vectors[1299])
        for offset in stride(from: 1100, to: 1300, by: 7) {
            #expect(try index.search(query: vectors[offset], k: 1).first?.id == Int64(offset) + 1)
        }
        for id in removed {
            let found = try index.search(query: vectors[Int(id) - 1], k: 5)
            #expect(found.allSatisfy { !removed.contains($0.id) })
        }
        #expect(Set(try index.search(query: vectors[1299], k: 2).map(\.id)) == [1, 1300])
    }

    @Test func aSupersededOrCancelledTicketIsRefused() throws {
        let index = try filled(Fixtures.randomUnitVectors(count: 1000, dimension: 8, seed: 5))
        let first = index.beginGraphBuild()
        let second = index.beginGraphBuild()
        let graph = HNSWVectorIndex.build(from: first.snapshot, parameters: first.parameters)
        let error = #expect(throws: VectorIndexError.self) { try index.installGraph(graph, for: first) }
        #expect(error?.code == .staleBuild)
        #expect(!index.isGraphBacked)
        index.cancelGraphBuild(second)
        #expect(throws: VectorIndexError.self) { try index.installGraph(graph, for: second) }
        #expect(index.needsGraphBuild)
        let wrong = HNSWVectorIndex(dimension: 4)
        let third = index.beginGraphBuild()
        let mismatch = #expect(throws: VectorIndexError.self) { try index.installGraph(wrong, for: third) }
        #expect(mismatch?.code == .dimensionMismatch)
    }

    @Test func deletionsPastThePolicyAskForACompactingRebuild() throws {
        let vectors = Fixtures.randomUnitVectors(count: 1200, dimension: 16, seed: 6)
        let index = try filled(vectors)
        index.buildGraph()
        for id in 1 ... 300 { index.remove(id: Int64(id)) }
        #expect(!index.needsGraphBuild) // 300 of 1200 nodes: exactly the limit
        index.remove(id: 301)
        #expect(index.needsGraphBuild)
        index.buildGraph()
        #expect(!index.needsGraphBuild)
        #expect(index.count == 899)
        #expect(!index.contains(301) && index.contains(302))
        #expect(try index.search(query: vectors[400], k: 1).first?.id == 401)
    }

    @Test func candidateSearchIsExactOnEitherBackend() throws {
        let vectors = Fixtures.randomUnitVectors(count: 1100, dimension: 16, seed: 7)
        let index = try filled(vectors)
        let candidates: [Int64] = [3, 30, 300, 1000]
        let before = try index.search(query: vectors[29], k: 2, among: candidates)
        index.buildGraph()
        let after = try index.search(query: vectors[29], k: 2, among: candidates)
        #expect(before.map(\.id) == after.map(\.id))
        #expect(after.first?.id == 30)
        #expect(throws: VectorIndexError.self) { try index.search(query: [1], k: 2, among: candidates) }
    }
}
