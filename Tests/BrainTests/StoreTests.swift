import Brain
import ChannelKit
import Foundation
import Logging
import Testing

@Suite struct StoreTests {
    let channel = ChannelRef(tenantID: "bakery", channelID: "bakery-api", kind: .api)

    func message(_ id: String) -> InboundMessage {
        InboundMessage(providerMessageID: id, sender: Participant(channelUserID: "cust-1"), threadKey: "cust-1", text: "opening hours?", timestamp: Date())
    }

    @Test func theSameProviderIDIsStoredOnce() async throws {
        try await withTestStore { store, _ in
            let first = try await store.acceptInbound([message("m1"), message("m2")], on: channel, requestID: nil)
            let again = try await store.acceptInbound([message("m1")], on: channel, requestID: nil)
            #expect(first.allSatisfy { if case .accepted = $0 { true } else { false } })
            #expect(again == [.duplicate])
            // The same provider id on another channel is a different message.
            let other = ChannelRef(tenantID: "bakery", channelID: "bakery-sms", kind: .sms)
            let elsewhere = try await store.acceptInbound([message("m1")], on: other, requestID: nil)
            #expect(elsewhere != [.duplicate])
            #expect(try await store.inboxCounts() == ["pending": 3])
        }
    }

    @Test func interruptedInboxRowsAreResumedAfterARestart() async throws {
        try await withTestStore { store, path in
            _ = try await store.acceptInbound([message("m1")], on: channel, requestID: nil)
            _ = try await store.claimInbox(limit: 10)
            #expect(try await store.claimInbox(limit: 10).isEmpty)
            // A new process opens the same file.
            let reopened = try await SQLiteStore.open(path: path, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            #expect(try await reopened.requeueInterruptedInbox() == 1)
            let resumed = try await reopened.claimInbox(limit: 10)
            #expect(resumed.map(\.message.providerMessageID) == ["m1"])
            #expect(resumed.first?.attempts == 2)
        }
    }

    @Test func failedProcessingIsRetriedLaterThenMarkedFailed() async throws {
        try await withTestStore { store, _ in
            _ = try await store.acceptInbound([message("m1")], on: channel, requestID: nil)
            let item = try #require(try await store.claimInbox(limit: 1).first)
            try await store.failInbox(id: item.id, error: "boom", retryAt: Date().addingTimeInterval(3600))
            #expect(try await store.claimInbox(limit: 1).isEmpty)
            try await store.failInbox(id: item.id, error: "boom", retryAt: nil)
            #expect(try await store.inboxCounts() == ["failed": 1])
        }
    }

    /// Queues one reply through the pipeline's commit and returns its outbox row.
    func queueReply(_ store: SQLiteStore) async throws -> OutboxItem {
        _ = try await store.acceptInbound([message("m1")], on: channel, requestID: nil)
        let item = try #require(try await store.claimInbox(limit: 1).first)
        let (customerID, conversation) = try await store.identify(item.message, on: channel)
        let reply = PlannedReply(
            message: OutboundMessage(id: "msg_1", text: "Tuesday to Sunday."),
            address: ConversationAddress(recipient: item.message.sender, threadKey: "cust-1", inReplyTo: "m1"),
            author: .assistant, source: "knowledge_base:hours"
        )
        try await store.commit(ProcessedMessage(item: item, customerID: customerID, conversation: conversation, reply: reply))
        return try #require(try await store.claimOutbox(limit: 1).first)
    }

    @Test func aRetriedReplyWaitsUntilItIsDueAndKeepsItsSentParts() async throws {
        try await withTestStore { store, _ in
            let claimed = try await queueReply(store)
            #expect(claimed.attempts == 1)
            try await store.recordPartSent(claimed, part: 0, providerMessageID: "p-1")
            // Due in 1.5 s: long enough that a loaded machine still claims before it is due.
            let due = Date().addingTimeInterval(1.5)
            try await store.retryOutbox(claimed, at: due, error: "HTTP 503")
            let asked = Date()
            let early = try await store.claimOutbox(limit: 1)
            if asked < due {
                #expect(early.isEmpty, "not claimed before it is due")
            }
            try await Task.sleep(for: .seconds(max(0, due.timeIntervalSinceNow) + 0.1))
            let again = try #require(try await early.isEmpty ? store.claimOutbox(limit: 1).first : early.first)
            #expect(again.attempts == 2)
            #expect(again.partsSent == 1)
        }
    }

    @Test func receiptsOnlyMoveDeliveryForward() async throws {
        try await withTestStore { store, _ in
            let claimed = try await queueReply(store)
            try await store.recordPartSent(claimed, part: 0, providerMessageID: "p-1")
            try await store.markSent(claimed)
            let now = Date()
            #expect(try await store.applyReceipt(DeliveryReceipt(providerMessageID: "p-1", status: .read, timestamp: now), on: channel))
            #expect(try await store.applyReceipt(DeliveryReceipt(providerMessageID: "p-1", status: .delivered, timestamp: now), on: channel))
            #expect(try await store.applyReceipt(DeliveryReceipt(providerMessageID: "unknown", status: .read, timestamp: now), on: channel) == false)
            let conversation = try #require(try await store.conversations(tenantID: "bakery").first)
            let reply = try #require(try await store.messages(tenantID: "bakery", conversationID: conversation.id).last)
            #expect(reply.deliveryStatus == "read")
            #expect(reply.providerMessageID == "p-1")
        }
    }

    @Test func aReplyInterruptedMidSendBecomesUncertainNotResent() async throws {
        try await withTestStore { store, path in
            _ = try await queueReply(store)
            let reopened = try await SQLiteStore.open(path: path, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            #expect(try await reopened.resolveInterruptedOutbox() == 1)
            #expect(try await reopened.claimOutbox(limit: 1).isEmpty)
            #expect(try await reopened.outboxState(messageID: "msg_1")?.status == "uncertain")
        }
    }
}
