import Brain
import ChannelKit
import Foundation
import GRDB
import Logging
import Synchronization
import Testing

/// An embedder that remembers every text it was asked to embed.
private final class RecordingEmbedder: Embedder {
    let inner = LexicalEmbedder()
    let texts = Mutex<[String]>([])
    var identifier: String { inner.identifier }
    var dimension: Int { inner.dimension }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        self.texts.withLock { $0 += texts }
        return try await inner.embed(texts)
    }
}

@Suite struct TenantEditorTests {
    private let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func aKnowledgeEditRetiresCachedAnswers() async throws {
        try await withTestStore { store, path in
            let tenants = TenantDirectory([bakery])
            let embedder = RecordingEmbedder()
            let cache = SemanticAnswerCache(store: store, embedder: embedder, timeToLive: 3600, logger: logger)
            try await cache.load(tenants: tenants)
            let gifts = "Do you sell gift cards for birthdays?"
            let lookup = try await cache.lookup(gifts, tenant: bakery, kind: .api)
            #expect(try await cache.remember(
                question: gifts, vector: lookup.vector,
                answer: ResponderAnswer(text: "Yes, from 10 to 100 pounds.", source: "llm", isGeneric: true), costNanos: 1000, tenant: bakery, kind: .api
            ))
            #expect(try await cache.lookup(gifts, tenant: bakery, kind: .api).decision.entry?.answer == "Yes, from 10 to 100 pounds.")
            embedder.texts.withLock { $0 = [] }

            let key = try await store.createAPIKey(tenantID: "bakery", role: .admin, name: "Bella").record
            let editor = TenantEditor(store: store, tenants: tenants, cache: cache, logger: logger)
            let parking = KnowledgeEntry(id: "parking", question: "Where can I park my car?", answer: "Behind the shop, free.")
            _ = try await editor.addKnowledgeEntry(parking, by: key)

            let current = try #require(tenants["bakery"])
            #expect(current.knowledgeBase.map(\.id) == ["hours", "gluten", "parking"])
            #expect(embedder.texts.withLock { $0 }.isEmpty, "the cache holds no knowledge-base keys to embed again")
            let retired = try await cache.lookup(gifts, tenant: current, kind: .api)
            #expect(retired.decision.entry == nil, "an answer made from the old knowledge is not served")
            let stored = try await DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM semantic_cache") }
            #expect(stored == 0)

            let saved = try #require(try await store.storedTenantSettings(tenantID: "bakery"))
            #expect(saved.knowledgeBase?.map(\.id) == ["hours", "gluten", "parking"] && saved.assistant == nil)
        }
    }

    @Test func changingOnlyTheHandoffWordsKeepsTheCache() async throws {
        try await withTestStore { store, _ in
            let tenants = TenantDirectory([bakery])
            let cache = SemanticAnswerCache(store: store, embedder: LexicalEmbedder(), timeToLive: 3600, logger: logger)
            try await cache.load(tenants: tenants)
            let question = "Do you sell gift cards for birthdays?"
            let lookup = try await cache.lookup(question, tenant: bakery, kind: .api)
            try await cache.remember(question: question, vector: lookup.vector,
                                     answer: ResponderAnswer(text: "Yes.", source: "llm", isGeneric: true), costNanos: 0, tenant: bakery, kind: .api)
            let key = try await store.createAPIKey(tenantID: "bakery", role: .admin, name: "Bella").record
            let editor = TenantEditor(store: store, tenants: tenants, cache: cache, logger: logger)
            var assistant = bakery.assistant
            assistant.handoffMessage = "Bella will reply soon."
            let updated = try await editor.updateAssistant(StoredAssistant(profile: assistant, modelPolicy: TenantModelPolicy(isEnabled: false)), by: key)
            #expect(updated.assistant.handoffMessage == "Bella will reply soon." && updated.modelPolicy?.isEnabled == false)
            #expect(updated.knowledgeVersion == bakery.knowledgeVersion)
            #expect(try await cache.lookup(question, tenant: updated, kind: .api).decision.entry?.answer == "Yes.")
            let audit = try await store.auditEntries(tenantID: "bakery", before: nil, limit: 10)
            #expect(audit.map(\.action) == ["assistant.update"] && audit.first?.details == ["changed": "handoffMessage,model"])

            var persona = assistant
            persona.persona = "the counter of a French patisserie"
            let french = try await editor.updateAssistant(StoredAssistant(profile: persona, modelPolicy: nil), by: key)
            #expect(try await cache.lookup(question, tenant: french, kind: .api).decision.entry == nil, "a new persona retires generated answers")
        }
    }

    @Test func concurrentEditsAllLandInOrderOfArrival() async throws {
        try await withTestStore { store, _ in
            let tenants = TenantDirectory([bakery])
            let key = try await store.createAPIKey(tenantID: "bakery", role: .admin, name: "Bella").record
            let editor = TenantEditor(store: store, tenants: tenants, cache: nil, logger: logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        _ = try await editor.addKnowledgeEntry(KnowledgeEntry(id: "e\(index)", question: "Question \(index)?", answer: "Answer \(index)."), by: key)
                    }
                }
                try await group.waitForAll()
            }
            let ids = Set(try #require(tenants["bakery"]).knowledgeBase.map(\.id))
            #expect(ids == Set(["hours", "gluten"] + (0..<20).map { "e\($0)" }))
            #expect(Set(try await store.storedTenantSettings(tenantID: "bakery")?.knowledgeBase?.map(\.id) ?? []) == ids)
            await #expect(throws: TenantEditError.entryExists("e3")) {
                _ = try await editor.addKnowledgeEntry(KnowledgeEntry(id: "e3", question: "Q?", answer: "A."), by: key)
            }
            await #expect(throws: TenantEditError.noSuchEntry("nope")) { try await editor.removeKnowledgeEntry(id: "nope", by: key) }
            let stranger = try await store.createAPIKey(tenantID: "unknown", role: .admin, name: "X").record
            await #expect(throws: TenantEditError.unknownTenant("unknown")) { try await editor.removeKnowledgeEntry(id: "hours", by: stranger) }
        }
    }

    @Test func storedSettingsReplaceTheConfigurationOnlyForWhatWasEdited() async throws {
        var edited = StoredTenantSettings(tenantID: "bakery", knowledgeBase: [])
        let tenants = TenantDirectory([bakery])
        #expect(tenants.apply([edited, StoredTenantSettings(tenantID: "gone", knowledgeBase: [])]) == ["bakery"])
        #expect(tenants["bakery"]?.knowledgeBase == [] && tenants["bakery"]?.assistant == bakery.assistant)
        edited.assistant = StoredAssistant(profile: AssistantProfile(tone: "formal"), modelPolicy: nil)
        tenants.apply([edited])
        #expect(tenants["bakery"]?.assistant.tone == "formal" && tenants["gone"] == nil)
    }
}
