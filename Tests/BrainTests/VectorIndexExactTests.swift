import Testing

@testable import Brain

@Suite struct VectorIndexExactTests {
    typealias Fixtures = VectorIndexFixtures

    @Test func topKMatchesANaiveSortOnRandomData() throws {
        let vectors = Fixtures.randomUnitVectors(count: 2000, dimension: 384, seed: 1)
        let index = try Fixtures.exactIndex(vectors)
        let byID = Dictionary(uniqueKeysWithValues: vectors.enumerated().map { (Int64($0.offset) + 1, $0.element) })
        for query in Fixtures.randomUnitVectors(count: 20, dimension: 384, seed: 2) {
            let found = try index.search(query: query, k: 10)
            let expected = Fixtures.naiveTopK(query: query, vectors: byID, k: 10)
            try #require(found.count == 10)
            #expect(found.map(\.id) == expected.map(\.id))
            for (hit, truth) in zip(found, expected) {
                #expect(abs(Double(hit.score) - truth.score) < 1e-5)
            }
            #expect(zip(found, found.dropFirst()).allSatisfy { $0.score >= $1.score })
        }
    }

    @Test func oddDimensionsUseTheScalarTail() throws {
        for dimension in [1, 3, 17, 33, 50] {
            let vectors = Fixtures.randomUnitVectors(count: 50, dimension: dimension, seed: UInt64(dimension))
            let index = try Fixtures.exactIndex(vectors)
            let byID = Dictionary(uniqueKeysWithValues: vectors.enumerated().map { (Int64($0.offset) + 1, $0.element) })
            let query = vectors[7]
            let found = try index.search(query: query, k: 5)
            let expected = Fixtures.naiveTopK(query: query, vectors: byID, k: 5)
            #expect(abs((found.first?.score ?? 0) - 1) < 1e-5)
            for (hit, truth) in zip(found, expected) {
                #expect(abs(Double(hit.score) - truth.score) < 1e-5)
            }
        }
    }

    @Test func simdAndScalarDotProductsAgree() {
        for dimension in [1, 5, 16, 31, 32, 48, 384, 385] {
            let vectors = Fixtures.randomUnitVectors(count: 2, dimension: dimension, seed: UInt64(dimension) + 100)
            let expected = Fixtures.dot(vectors[0], vectors[1])
            vectors[0].withUnsafeBufferPointer { lhs in
                vectors[1].withUnsafeBufferPointer { rhs in
                    guard let lhs = lhs.baseAddress, let rhs = rhs.baseAddress else { return }
                    #expect(abs(Double(simdDotProduct(lhs, rhs, count: dimension)) - expected) < 1e-5)
                    #expect(abs(Double(scalarDotProduct(lhs, rhs, count: dimension)) - expected) < 1e-5)
                }
            }
        }
    }

    @Test func kLargerThanCountReturnsEverythingSorted() throws {
        let index = try Fixtures.exactIndex(Fixtures.randomUnitVectors(count: 7, dimension: 16, seed: 3))
        let found = try index.search(query: Fixtures.randomUnitVectors(count: 1, dimension: 16, seed: 4)[0], k: 100)
        #expect(found.count == 7)
        #expect(Set(found.map(\.id)) == Set(1 ... 7))
        #expect(zip(found, found.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func emptyIndexAndZeroKFindNothing() throws {
        let empty = ExactVectorIndex(dimension: 8)
        #expect(try empty.search(query: [Float](repeating: 0.5, count: 8), k: 10).isEmpty)
        #expect(try empty.search(query: [Float](repeating: 0.5, count: 8), k: 10, among: [1, 2]).isEmpty)
        let index = try Fixtures.exactIndex(Fixtures.randomUnitVectors(count: 5, dimension: 8, seed: 5))
        #expect(try index.search(query: [Float](repeating: 0.5, count: 8), k: 0).isEmpty)
    }

    @Test func wrongDimensionsAndNonFiniteVectorsThrow() throws {
        var index = ExactVectorIndex(dimension: 4)
        let addError = #expect(throws: VectorIndexError.self) { try index.add(id: 1, vector: [1, 0, 0]) }
        #expect(addError?.code == .dimensionMismatch)
        let nanError = #expect(throws: VectorIndexError.self) { try index.add(id: 1, vector: [1, .nan, 0, 0]) }
        #expect(nanError?.code == .invalidVector)
        #expect(index.isEmpty)
        try index.add(id: 1, vector: [1, 0, 0, 0])
        let queryError = #expect(throws: VectorIndexError.self) { try index.search(query: [1, 0], k: 1) }
        #expect(queryError?.code == .dimensionMismatch)
        #expect(throws: VectorIndexError.self) { try index.search(query: [1, 0], k: 1, among: [1]) }
    }

    @Test func removedVectorsAreNeverReturned() throws {
        let vectors = Fixtures.randomUnitVectors(count: 200, dimension: 32, seed: 6)
        var index = try Fixtures.exactIndex(vectors)
        let removed = Set((1 ... 200).filter { $0 % 3 == 0 }.map(Int64.init))
        for id in removed {
            let wasPresent = index.remove(id: id)
            #expect(wasPresent)
        }
        let removedTwice = index.remove(id: 3)
        #expect(!removedTwice)
        #expect(index.count == 200 - removed.count)
        for (offset, vector) in vectors.enumerated() {
            let id = Int64(offset) + 1
            let found = try index.search(query: vector, k: 5)
            #expect(found.allSatisfy { !removed.contains($0.id) })
            if !removed.contains(id) {
                // Swap-remove moved vectors around: each must still be found under its own id.
                #expect(found.first?.id == id)
                #expect(index.vector(for: id) == vector)
            }
        }
    }

    @Test func filterIsRespected() throws {
        let vectors = Fixtures.randomUnitVectors(count: 500, dimension: 64, seed: 7)
        let index = try Fixtures.exactIndex(vectors)
        let byID = Dictionary(uniqueKeysWithValues: vectors.enumerated().map { (Int64($0.offset) + 1, $0.element) })
        let query = Fixtures.randomUnitVectors(count: 1, dimension: 64, seed: 8)[0]
        let isEven: (Int64) -> Bool = { $0 % 2 == 0 }
        let found = try index.search(query: query, k: 10, filter: isEven)
        #expect(found.count == 10)
        #expect(found.allSatisfy { isEven($0.id) })
        #expect(found.map(\.id) == Fixtures.naiveTopK(query: query, vectors: byID, k: 10, where: isEven).map(\.id))
        #expect(try index.search(query: query, k: 10, filter: { $0 == 42 }).map(\.id) == [42])
    }

    @Test func candidateSearchScansOnlyKnownCandidatesOnce() throws {
        let vectors = Fixtures.randomUnitVectors(count: 100, dimension: 16, seed: 9)
        let index = try Fixtures.exactIndex(vectors)
        let found = try index.search(query: vectors[4], k: 10, among: [5, 5, 9, 12, 9999, 12])
        #expect(found.count == 3)
        #expect(Set(found.map(\.id)) == [5, 9, 12])
        #expect(found.first?.id == 5)
    }

    @Test func addingAnExistingIDReplacesItsVector() throws {
        var index = ExactVectorIndex(dimension: 2)
        try index.add(id: 1, vector: [1, 0])
        try index.add(id: 2, vector: [0, 1])
        try index.add(id: 1, vector: [0, -1])
        #expect(index.count == 2)
        #expect(try index.search(query: [0, 1], k: 2).map(\.id) == [2, 1])
        #expect(try index.search(query: [0, 1], k: 2).last?.score == -1)
    }
}
