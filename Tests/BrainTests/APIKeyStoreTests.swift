import Brain
import Foundation
import Logging
import Testing

@Suite struct APIKeyStoreTests {
    private func store() async throws -> SQLiteStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)/g.sqlite").path
        return try await SQLiteStore.open(path: path, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    @Test func aKeyAuthenticatesUntilRevokedAndIsStoredHashed() async throws {
        let store = try await store()
        let issued = try await store.createAPIKey(tenantID: "bakery", role: .agent, name: "Sam")
        #expect(issued.token.hasPrefix(issued.record.id + "_"))
        #expect(issued.token.count == 60)
        #expect(try await store.authenticateAPIKey(issued.token) == issued.record)
        #expect(try await store.authenticateAPIKey(issued.record.id) == nil)
        let tampered = String(issued.token.dropLast()) + (issued.token.last == "A" ? "B" : "A")
        #expect(try await store.authenticateAPIKey(tampered) == nil)
        #expect(try await store.apiKeys(tenantID: "bakery").map(\.id) == [issued.record.id])
        #expect(try await store.apiKeys(tenantID: "florist").isEmpty)
        #expect(try await store.revokeAPIKey(id: issued.record.id))
        #expect(try await store.revokeAPIKey(id: issued.record.id) == false)
        #expect(try await store.authenticateAPIKey(issued.token) == nil)
    }

    @Test func keysAreDistinct() async throws {
        let store = try await store()
        var tokens = Set<String>()
        for _ in 0..<20 { tokens.insert(try await store.createAPIKey(tenantID: "t", role: .admin, name: "k").token) }
        #expect(tokens.count == 20)
    }
}
