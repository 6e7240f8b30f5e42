import Brain
import ChannelKit
import Foundation
import Logging
import Testing

@Suite struct PipelineTests {
    let channel = ChannelRef(tenantID: "bakery", channelID: "bakery-api", kind: .api)
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    func message(_ id: String, _ text: String, from sender: String = "cust-1") -> InboundMessage {
        InboundMessage(providerMessageID: id, sender: Participant(channelUserID: sender, displayName: "Ada"), threadKey: sender, text: text, timestamp: Date())
    }

    func pipeline(_ store: SQLiteStore) -> ConversationPipeline {
        let tenants = TenantDirectory([bakery])
        return ConversationPipeline(store: store, tenants: tenants, logger: logger)
    }

    /// Accepts messages into the inbox and runs every claimed item through the pipeline.
    func run(_ messages: [InboundMessage], store: SQLiteStore) async throws -> [PipelineOutcome] {
        _ = try await store.acceptInbound(messages, on: channel, requestID: "req-1")
        var outcomes: [PipelineOutcome] = []
        for item in try await store.claimInbox(limit: 100) {
            outcomes.append(try await pipeline(store).process(item, logger: logger))
        }
        return outcomes
    }

    @Test func answersFromTheKnowledgeBaseAndQueuesTheReply() async throws {
        try await withTestStore { store, _ in
            let outcomes = try await run([message("m1", "When are you open?")], store: store)
            guard case .replied(_, let source)? = outcomes.first else {
                Issue.record("expected a reply, got \(outcomes)")
                return
            }
            #expect(source == "knowledge_base:hours")
            let conversation = try #require(try await store.conversations(tenantID: "bakery").first)
            #expect(conversation.status == .assistant)
            let messages = try await store.messages(tenantID: "bakery", conversationID: conversation.id)
            #expect(messages.map(\.direction) == [.inbound, .outbound])
            #expect(messages[1].text == "Tuesday to Sunday, 7am to 6pm.")
            #expect(messages[1].deliveryStatus == "queued")
            let queued = try await store.claimOutbox(limit: 10)
            #expect(queued.count == 1)
            #expect(queued.first?.address.recipient.channelUserID == "cust-1")
            #expect(queued.first?.address.inReplyTo == "m1")
        }
    }

    @Test func handsOffWhatItCannotAnswerAndThenStaysSilent() async throws {
        try await withTestStore { store, _ in
            let first = try await run([message("m1", "Can I bring my dog inside?")], store: store)
            guard case .handedOff? = first.first else {
                Issue.record("expected a handoff, got \(first)")
                return
            }
            let conversation = try #require(try await store.conversations(tenantID: "bakery").first)
            #expect(conversation.status == .waiting)
            let replies = try await store.messages(tenantID: "bakery", conversationID: conversation.id).filter { $0.direction == .outbound }
            #expect(replies.map(\.text) == ["A baker will answer you here shortly."])

            // While a human owns the conversation, even an answerable question gets no reply.
            let second = try await run([message("m2", "What are your opening hours?")], store: store)
            guard case .silent? = second.first else {
                Issue.record("expected silence, got \(second)")
                return
            }
            let all = try await store.messages(tenantID: "bakery", conversationID: conversation.id)
            #expect(all.filter { $0.direction == .outbound }.count == 1)
            #expect(all.filter { $0.direction == .inbound }.count == 2)
        }
    }

    @Test func recognisesTheSameSenderAsOneCustomer() async throws {
        try await withTestStore { store, _ in
            _ = try await run([message("m1", "gluten free?"), message("m2", "opening hours?")], store: store)
            _ = try await run([message("m3", "Hi", from: "cust-2")], store: store)
            let conversations = try await store.conversations(tenantID: "bakery")
            #expect(conversations.count == 2)
            #expect(Set(conversations.map(\.customerID)).count == 2)
            let first = try #require(conversations.first { $0.threadKey == "cust-1" })
            #expect(try await store.messages(tenantID: "bakery", conversationID: first.id).count == 4)
        }
    }

    @Test func processingTheSameItemTwiceRepliesOnce() async throws {
        try await withTestStore { store, _ in
            _ = try await store.acceptInbound([message("m1", "What are your opening hours?")], on: channel, requestID: nil)
            let item = try #require(try await store.claimInbox(limit: 1).first)
            let first = try await pipeline(store).process(item, logger: logger)
            let second = try await pipeline(store).process(item, logger: logger)
            guard case .replied = first else {
                Issue.record("expected a reply first, got \(first)")
                return
            }
            #expect(second == .alreadyProcessed)
            #expect(try await store.outboxCounts() == ["pending": 1])
        }
    }

    @Test func tenantsNeverSeeEachOthersConversations() async throws {
        try await withTestStore { store, _ in
            _ = try await run([message("m1", "opening hours?")], store: store)
            #expect(try await store.conversations(tenantID: "other").isEmpty)
            let conversation = try #require(try await store.conversations(tenantID: "bakery").first)
            #expect(try await store.messages(tenantID: "other", conversationID: conversation.id).isEmpty)
        }
    }
}
