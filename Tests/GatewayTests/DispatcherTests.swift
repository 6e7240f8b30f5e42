import ChannelKit
import ChannelKitTesting
import Foundation
import Testing

@testable import Brain
@testable import Gateway

@Suite struct DispatcherTests {
    @Test func twoFailuresThenSuccessDeliversOnce() async throws {
        try await FakeProvider.withRunning { provider in
            await provider.enqueue(.status(503), .status(503))
            let path = temporaryDatabasePath()
            try await withGateway(try testConfiguration(callbackURL: provider.url("/replies")), databasePath: path) { client in
                _ = try await client.postWebhook(apiMessage(id: "m-1", text: "When are you open?"))
                let store = try await openStore(path)
                try await eventually("the reply is sent") { try await store.outboxCounts() == ["sent": 1] }
                let requests = await provider.requests
                #expect(requests.count == 3)
                // Every attempt carries the same reply (same id), so a receiver could dedupe too.
                #expect(Set(requests.map(\.body)).count == 1)
                let conversation = try #require(try await store.conversations(tenantID: "bakery").first)
                let reply = try #require(try await store.messages(tenantID: "bakery", conversationID: conversation.id).last)
                #expect(reply.deliveryStatus == "sent")
                #expect(try await store.outboxState(messageID: reply.id)?.attempts == 3)
            }
        }
    }

    @Test func aPermanentRefusalIsDeadLetteredWithoutRetries() async throws {
        try await FakeProvider.withRunning(defaultReply: .json(status: 400, body: #"{"error":{"code":"bad_recipient","message":"no such user"}}"#)) { provider in
            let path = temporaryDatabasePath()
            try await withGateway(try testConfiguration(callbackURL: provider.url("/replies")), databasePath: path) { client in
                _ = try await client.postWebhook(apiMessage(id: "m-1", text: "When are you open?"))
                let store = try await openStore(path)
                try await eventually("the reply is dead-lettered") { try await store.outboxCounts() == ["dead": 1] }
                try await Task.sleep(for: .milliseconds(300))
                #expect(await provider.requests.count == 1)
                let conversation = try #require(try await store.conversations(tenantID: "bakery").first)
                let reply = try #require(try await store.messages(tenantID: "bakery", conversationID: conversation.id).last)
                #expect(reply.deliveryStatus == "failed")
                let error = try #require(reply.deliveryError)
                #expect(error.contains("400"))
                #expect(error.contains("bad_recipient"))
            }
        }
    }

    @Test func retriesStopAtTheConfiguredLimit() async throws {
        try await FakeProvider.withRunning(defaultReply: .status(500)) { provider in
            let path = temporaryDatabasePath()
            try await withGateway(try testConfiguration(callbackURL: provider.url("/replies"), maxAttempts: 3), databasePath: path) { client in
                _ = try await client.postWebhook(apiMessage(id: "m-1", text: "When are you open?"))
                let store = try await openStore(path)
                try await eventually("the reply is dead-lettered") { try await store.outboxCounts() == ["dead": 1] }
                #expect(await provider.requests.count == 3)
            }
        }
    }

    @Test func retryAfterIsHonoured() async throws {
        try await FakeProvider.withRunning { provider in
            await provider.enqueue(.rateLimited(retryAfterSeconds: 1))
            let path = temporaryDatabasePath()
            try await withGateway(try testConfiguration(callbackURL: provider.url("/replies")), databasePath: path) { client in
                _ = try await client.postWebhook(apiMessage(id: "m-1", text: "When are you open?"))
                let requests = try await provider.waitForRequests(count: 2)
                let gap = requests[1].receivedAt.timeIntervalSince(requests[0].receivedAt)
                // Backoff alone would retry after 10–20 ms; the provider asked for a second.
                #expect(gap >= 0.95)
            }
        }
    }

    @Test func aTimeoutAfterSendingIsRecordedAsUncertainNotResent() async throws {
        try await FakeProvider.withRunning(defaultReply: .hang(.seconds(3))) { provider in
            let path = temporaryDatabasePath()
            try await withGateway(try testConfiguration(callbackURL: provider.url("/replies")), databasePath: path) { client in
                _ = try await client.postWebhook(apiMessage(id: "m-1", text: "When are you open?"))
                let store = try await openStore(path)
                try await eventually("the reply is uncertain") { try await store.outboxCounts() == ["uncertain": 1] }
                try await Task.sleep(for: .milliseconds(300))
                #expect(await provider.requests.count == 1)
                let conversation = try #require(try await store.conversations(tenantID: "bakery").first)
                let reply = try #require(try await store.messages(tenantID: "bakery", conversationID: conversation.id).last)
                #expect(reply.deliveryStatus == "uncertain")
            }
        }
    }

    @Test func undeliveredRepliesAreDeliveredAfterARestart() async throws {
        let path = temporaryDatabasePath()
        try await FakeProvider.withRunning(defaultReply: .status(503)) { provider in
            let configuration = try testConfiguration(callbackURL: provider.url("/replies"), maxAttempts: 100)
            try await withGateway(configuration, databasePath: path) { client in
                _ = try await client.postWebhook(apiMessage(id: "m-1", text: "When are you open?"))
                _ = try await client.postWebhook(apiMessage(id: "m-2", from: "cust-2", text: "Is it raining?"))
                _ = try await provider.waitForRequests(count: 2)
            }
            // The first gateway has stopped; both replies wait in the outbox.
            let store = try await openStore(path)
            #expect(try await store.outboxCounts() == ["pending": 2])

            await provider.setDefaultReply(.ok())
            let before = await provider.requests.count
            try await withGateway(configuration, databasePath: path) { _ in
                try await eventually("both replies are sent after the restart") { try await store.outboxCounts() == ["sent": 2] }
            }
            let texts = await provider.requests.dropFirst(before).compactMap {
                (try? JSONSerialization.jsonObject(with: $0.body) as? [String: Any])?["text"] as? String
            }
            #expect(texts.count == 2)
            #expect(Set(texts) == ["Tuesday to Sunday, 7am to 6pm.", "A baker will answer you here shortly."])
        }
    }

    @Test func backoffGrowsAndHonoursRetryAfter() {
        var settings = DispatcherSettings()
        settings.baseDelayMilliseconds = 1000
        settings.maxDelayMilliseconds = 8000
        let policy = RetryPolicy(settings: settings)
        #expect(policy.delay(after: 1, retryAfter: nil, random: 1) == .seconds(1))
        #expect(policy.delay(after: 1, retryAfter: nil, random: 0) == .milliseconds(500))
        #expect(policy.delay(after: 3, retryAfter: nil, random: 1) == .seconds(4))
        #expect(policy.delay(after: 10, retryAfter: nil, random: 1) == .seconds(8))
        #expect(policy.delay(after: 1, retryAfter: .seconds(30), random: 1) == .seconds(30))
        #expect(policy.delay(after: 1, retryAfter: .seconds(7200), random: 1) == .seconds(3600))
        #expect(policy.allowsRetry(after: 7))
        #expect(!policy.allowsRetry(after: 8))
    }
}
