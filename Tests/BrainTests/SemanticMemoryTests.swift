import Brain
import ChannelKit
import Foundation
import GRDB
import Logging
import Testing

/// The customer memory: one customer's older messages are recalled across channels; another
/// customer's, or another tenant's, never are.
@Suite struct SemanticMemoryTests {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    let sms = ChannelRef(tenantID: "bakery", channelID: "bakery-sms", kind: .sms)
    let whatsapp = ChannelRef(tenantID: "bakery", channelID: "bakery-whatsapp", kind: .whatsapp)
    let floristSMS = ChannelRef(tenantID: "florist", channelID: "florist-sms", kind: .sms)
    static let florist = TenantProfile(id: "florist", name: "Flora")
    /// The bakery, with guards relaxed so a burst of test messages is not rapid fire.
    static let relaxedBakery: TenantProfile = {
        var tenant = bakery
        tenant.limits.rapidFireMessages = 1000
        tenant.limits.repeatLimit = 1000
        tenant.limits.detectGibberish = false
        return tenant
    }()

    func message(_ id: String, _ text: String, from phone: String) -> InboundMessage {
        InboundMessage(providerMessageID: id, sender: Participant(channelUserID: phone, phone: phone), threadKey: phone, text: text, timestamp: Date())
    }

    /// Stores and processes messages on a channel; returns the last item processed.
    @discardableResult
    func deliver(_ messages: [InboundMessage], on channel: ChannelRef, store: SQLiteStore, memory: SemanticMemory) async throws -> InboxItem? {
        let pipeline = ConversationPipeline(
            store: store, tenants: TenantDirectory([Self.relaxedBakery, Self.florist]),
            guards: GuardStage(store: store, logger: logger), remember: RememberStage(store: store, retriever: memory),
            answer: AnswerStage(knowledge: KnowledgeBaseResponder())
        )
        var last: InboxItem?
        for message in messages {
            _ = try await store.acceptInbound([message], on: channel, requestID: "req")
            for item in try await store.claimInbox(limit: 10) {
                _ = try await pipeline.process(item, logger: logger)
                last = item
            }
        }
        return last
    }

    @Test func recallsTheCustomersOwnOlderMessagesAcrossChannelsOnly() async throws {
        try await withTestStore { store, _ in
            let memory = SemanticMemory(store: store, embedder: LexicalEmbedder(), logger: logger)
            let ada = "+14155550111"
            let bob = "+14155550222"
            try await deliver([message("s1", "Please remember my daughter is allergic to peanuts", from: ada)], on: sms, store: store, memory: memory)
            // Twelve later messages push the allergy out of the recent history.
            try await deliver((2...13).map { message("s\($0)", "Is the bakery open on day \($0)?", from: ada) }, on: sms, store: store, memory: memory)
            try await deliver([message("b1", "My son is allergic to peanuts and walnuts", from: bob)], on: sms, store: store, memory: memory)
            try await deliver([message("f1", "My daughter is allergic to peanuts, no nut flowers please", from: ada)], on: floristSMS, store: store, memory: memory)
            while try await memory.indexPending(batch: 8) > 0 {}

            // Ada now writes on WhatsApp from the same number: one customer, one memory.
            _ = try await store.acceptInbound([message("w1", "Do your cakes contain peanuts?", from: ada)], on: whatsapp, requestID: "req")
            let item = try #require(try await store.claimInbox(limit: 1).first)
            let identified = try await IdentifyStage(store: store).run(item, tenant: Self.relaxedBakery)
            let recall = try await RememberStage(store: store, retriever: memory).recall(item, identified: identified)

            #expect(recall.history.count == 10)
            #expect(recall.memories.count == 3)
            #expect(recall.memories.first == "Please remember my daughter is allergic to peanuts")
            #expect(!recall.memories.contains { $0.contains("walnuts") }, "another customer's words")
            #expect(!recall.memories.contains { $0.contains("flowers") }, "another tenant's words")
            #expect(!recall.memories.contains { recallText in recall.history.contains { $0.text == recallText } }, "the recent history is not repeated")
        }
    }

    @Test func aRestartRebuildsTheIndexFromStoredVectors() async throws {
        try await withTestStore { store, _ in
            let first = SemanticMemory(store: store, embedder: LexicalEmbedder(), logger: logger)
            try await deliver([message("s1", "I prefer rye bread without seeds", from: "+14155550111")], on: sms, store: store, memory: first)
            while try await first.indexPending(batch: 8) > 0 {}
            let stored = await first.count(tenantID: "bakery")
            #expect(stored >= 1)

            let restarted = SemanticMemory(store: store, embedder: LexicalEmbedder(), logger: logger)
            #expect(try await restarted.load() == stored)
            #expect(try await restarted.indexPending() == 0, "nothing is embedded twice")

            // Another embedder's vectors are not comparable: they are dropped and remade.
            let other = SemanticMemory(store: store, embedder: LexicalEmbedder(dimension: 64), logger: logger)
            #expect(try await other.load() == 0)
            #expect(try await other.indexPending() == stored)
        }
    }

    @Test func aRestartRecallsTheSameMemoriesAndStillOnlyTheCustomersOwn() async throws {
        try await withTestStore { store, _ in
            let ada = "+14155550111"
            let bob = "+14155550222"
            let first = SemanticMemory(store: store, embedder: LexicalEmbedder(), logger: logger)
            try await deliver([
                message("a1", "My daughter is allergic to peanuts", from: ada),
                message("b1", "My son is allergic to walnuts", from: bob),
                message("a2", "We live on Baker Street near the station", from: ada),
                message("b2", "Deliveries go to the office on Elm Road", from: bob),
                message("a3", "I pay with the card ending in 4242", from: ada),
            ], on: sms, store: store, memory: first)
            try await deliver([message("f1", "Peanut-free bouquets only, please", from: ada)], on: floristSMS, store: store, memory: first)
            while try await first.indexPending(batch: 2) > 0 {}
            let customers = try await [ada, bob].asyncMap { phone in
                let identity = try #require(try await store.identity(of: Participant(channelUserID: phone, phone: phone), on: sms))
                return try #require(try await store.customer(id: identity.customerID, tenantID: "bakery"))
            }
            let questions = ["Anything about allergies?", "Where do we deliver?", "How do I pay?"]
            let before = try await customers.asyncMap { customer in
                try await questions.asyncMap { try await first.memories(for: $0, customer: customer, excluding: [], limit: 2) }
            }

            // Replies are remembered too: the counts are the first memory's.
            let bakeryCount = await first.count(tenantID: "bakery")
            let floristCount = await first.count(tenantID: "florist")
            #expect(bakeryCount >= 5 && floristCount >= 1)

            let restarted = SemanticMemory(store: store, embedder: LexicalEmbedder(), logger: logger)
            #expect(try await restarted.load() == bakeryCount + floristCount)
            #expect(await restarted.count(tenantID: "bakery") == bakeryCount)
            #expect(await restarted.count(tenantID: "florist") == floristCount)
            let after = try await customers.asyncMap { customer in
                try await questions.asyncMap { try await restarted.memories(for: $0, customer: customer, excluding: [], limit: 2) }
            }
            #expect(after == before)
            #expect(after[0].joined().allSatisfy { !$0.contains("walnuts") && !$0.contains("Elm") && !$0.contains("bouquets") })
            #expect(after[1].joined().allSatisfy { !$0.contains("peanuts") && !$0.contains("Baker") && !$0.contains("4242") })
            #expect(after[0][0].first == "My daughter is allergic to peanuts")
            #expect(after[1][1].first == "Deliveries go to the office on Elm Road")
        }
    }

    @Test func anUnreadableStoredVectorIsDroppedAndEmbeddedAgain() async throws {
        try await withTestStore { store, path in
            let first = SemanticMemory(store: store, embedder: LexicalEmbedder(), logger: logger)
            try await deliver((1...4).map { message("s\($0)", "Order number \($0) for rye bread", from: "+14155550111") }, on: sms, store: store, memory: first)
            while try await first.indexPending(batch: 8) > 0 {}
            let stored = await first.count(tenantID: "bakery")
            #expect(stored >= 4, "four questions and their replies")

            let database = try DatabaseQueue(path: path)
            let dimension = LexicalEmbedder().dimension
            let lengths = try await database.read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT length(vector) FROM message_vectors") }
            #expect(lengths == [dimension * 2], "stored as float16")

            // One blob cut short, one float32 holding a NaN, one float32 with a component beyond
            // what float16 can hold, and one valid float32 vector as earlier releases stored them.
            let nan = Data([Float](repeating: .nan, count: dimension).withUnsafeBytes { Array($0) })
            let huge = Data(([1e6] + [Float](repeating: 0, count: dimension - 1)).withUnsafeBytes { Array($0) })
            let legacy = Data(try await LexicalEmbedder().embed(["Order number 4 for rye bread"])[0].withUnsafeBytes { Array($0) })
            try await database.write { db in
                let rowids = try Int64.fetchAll(db, sql: "SELECT message_rowid FROM message_vectors ORDER BY message_rowid LIMIT 4")
                try db.execute(sql: "UPDATE message_vectors SET vector = x'0000' WHERE message_rowid = ?", arguments: [rowids[0]])
                try db.execute(sql: "UPDATE message_vectors SET vector = ? WHERE message_rowid = ?", arguments: [nan, rowids[1]])
                try db.execute(sql: "UPDATE message_vectors SET vector = ? WHERE message_rowid = ?", arguments: [huge, rowids[2]])
                try db.execute(sql: "UPDATE message_vectors SET vector = ? WHERE message_rowid = ?", arguments: [legacy, rowids[3]])
            }

            let restarted = SemanticMemory(store: store, embedder: LexicalEmbedder(), logger: logger)
            #expect(try await restarted.load() == stored - 3)
            #expect(try await database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM message_vectors") } == stored - 3)
            #expect(try await restarted.indexPending() == 3, "the three messages are embedded again, the float32 one is kept")
            #expect(await restarted.count(tenantID: "bakery") == stored)
            let again = SemanticMemory(store: store, embedder: LexicalEmbedder(), logger: logger)
            #expect(try await again.load() == stored)
        }
    }

    @Test func aVectorTheMemoryCannotHoldIsLeftOutAndTheRestIsIndexed() async throws {
        try await withTestStore { store, path in
            let memory = SemanticMemory(store: store, embedder: PoisonedEmbedder(), logger: logger)
            try await deliver([
                message("p1", "Do you bake rye bread?", from: "+14155550111"),
                message("p2", "poison", from: "+14155550111"),
                message("p3", "Can I order a cake for Friday?", from: "+14155550111"),
            ], on: sms, store: store, memory: memory)
            while try await memory.indexPending(batch: 8) > 0 {}
            let database = try DatabaseQueue(path: path)
            let stored = try await database.read { db in
                try String.fetchAll(db, sql: "SELECT m.text FROM message_vectors v JOIN messages m ON m.rowid = v.message_rowid WHERE m.direction = 'inbound' ORDER BY m.rowid")
            }
            #expect(stored == ["Do you bake rye bread?", "Can I order a cake for Friday?"])
            #expect(await memory.count(tenantID: "bakery") == (try await database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM message_vectors") }))
        }
    }
}

/// The lexical embedder, except that it answers "poison" with NaNs, as a misbehaving remote
/// embedder might.
struct PoisonedEmbedder: Embedder {
    let lexical = LexicalEmbedder()
    var identifier: String { "poisoned-\(lexical.identifier)" }
    var dimension: Int { lexical.dimension }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        try await lexical.embed(texts).enumerated().map { texts[$0.offset] == "poison" ? [Float](repeating: .nan, count: dimension) : $0.element }
    }
}

extension Array {
    /// `map` with an async transform, in order.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
