import APIChannel
import ChannelKit
import ChannelKitTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import Gateway

@Suite struct WebhookTests {
    @Test func aSignedMessageGetsAKnowledgeBaseReplyAtTheCallback() async throws {
        try await FakeProvider.withRunning { provider in
            let path = temporaryDatabasePath()
            let configuration = try testConfiguration(callbackURL: provider.url("/replies"))
            try await withGateway(configuration, databasePath: path) { client in
                let response = try await client.postWebhook(apiMessage(id: "m-1", text: "When are you open?"))
                #expect(response.status == .ok)
                #expect(response.bodyText == #"{"accepted":1,"duplicates":0}"#)
                #expect(response.headers[HTTPField.Name("X-Request-ID")!] != nil)

                let received = try await provider.waitForRequests(count: 1)
                let callback = try #require(received.first)
                #expect(callback.method == "POST")
                #expect(callback.path == "/replies")
                // The reply is signed with the channel's secret over the exact body.
                let signature = try #require(callback.headers["X-Signature"])
                #expect(signature == APIChannelSignature.headerValue(for: callback.body, secret: testSecret))
                let reply = try JSONSerialization.jsonObject(with: callback.body) as? [String: Any]
                #expect(reply?["text"] as? String == "Tuesday to Sunday, 7am to 6pm.")
                #expect(reply?["inReplyTo"] as? String == "m-1")
                #expect((reply?["to"] as? [String: Any])?["id"] as? String == "cust-1")

                let store = try await openStore(path)
                try await eventually("the reply is marked sent") {
                    try await store.outboxCounts() == ["sent": 1]
                }
            }
        }
    }

    @Test func anUnanswerableQuestionIsHandedOffWithTheTenantsWords() async throws {
        try await FakeProvider.withRunning { provider in
            let path = temporaryDatabasePath()
            try await withGateway(try testConfiguration(callbackURL: provider.url("/replies")), databasePath: path) { client in
                _ = try await client.postWebhook(apiMessage(id: "m-1", text: "Can I bring my dog?"))
                let callback = try #require(try await provider.waitForRequests(count: 1).first)
                let reply = try JSONSerialization.jsonObject(with: callback.body) as? [String: Any]
                #expect(reply?["text"] as? String == "A baker will answer you here shortly.")
                let store = try await openStore(path)
                #expect(try await store.conversations(tenantID: "bakery").first?.status == .waiting)
            }
        }
    }

    @Test(arguments: [
        ("missing", nil as String?, "missing_signature"),
        ("wrong secret", "sha256=" + String(repeating: "ab", count: 32), "invalid_signature"),
        ("not hex", "sha256=zz", "invalid_signature"),
    ])
    func aBadOrMissingSignatureIsRefusedAndNothingIsStored(_ label: String, signature: String?, code: String) async throws {
        try await FakeProvider.withRunning { provider in
            let path = temporaryDatabasePath()
            try await withGateway(try testConfiguration(callbackURL: provider.url("/replies")), databasePath: path) { client in
                let response = try await client.postWebhook(
                    apiMessage(id: "m-1", text: "When are you open?"),
                    secret: signature == nil ? nil : testSecret,
                    signature: signature
                )
                #expect(response.status == .unauthorized, "\(label)")
                #expect(response.errorCode == code, "\(label)")
                let store = try await openStore(path)
                #expect(try await store.inboxCounts().isEmpty)
                try await Task.sleep(for: .milliseconds(200))
                #expect(await provider.requests.isEmpty)
            }
        }
    }

    @Test func aSignatureFromAnotherSecretIsRefused() async throws {
        try await FakeProvider.withRunning { provider in
            try await withGateway(try testConfiguration(callbackURL: provider.url("/replies")), databasePath: temporaryDatabasePath()) { client in
                let response = try await client.postWebhook(apiMessage(id: "m-1", text: "hi"), secret: Secret("another-secret"))
                #expect(response.status == .unauthorized)
                #expect(response.errorCode == "invalid_signature")
            }
        }
    }

    @Test func theSameMessageIDTwiceGivesExactlyOneReply() async throws {
        try await FakeProvider.withRunning { provider in
            let path = temporaryDatabasePath()
            try await withGateway(try testConfiguration(callbackURL: provider.url("/replies")), databasePath: path) { client in
                let body = apiMessage(id: "m-dup", text: "When are you open?")
                let first = try await client.postWebhook(body)
                let second = try await client.postWebhook(body)
                #expect(first.bodyText == #"{"accepted":1,"duplicates":0}"#)
                #expect(second.status == .ok)
                #expect(second.bodyText == #"{"accepted":0,"duplicates":1}"#)
                _ = try await provider.waitForRequests(count: 1)
                // A third delivery after the reply went out is still a duplicate.
                let third = try await client.postWebhook(body)
                #expect(third.bodyText == #"{"accepted":0,"duplicates":1}"#)
                try await Task.sleep(for: .milliseconds(300))
                #expect(await provider.requests.count == 1)
            }
        }
    }

    @Test func malformedOversizedAndMisaddressedRequestsGetClearErrors() async throws {
        try await FakeProvider.withRunning { provider in
            let path = temporaryDatabasePath()
            let configuration = try testConfiguration(callbackURL: provider.url("/replies"), maxBodyBytes: 2048)
            try await withGateway(configuration, databasePath: path) { client in
                let malformed = try await client.postWebhook(#"{"id": "m-1", "from": "#)
                #expect(malformed.status == .badRequest)
                #expect(malformed.errorCode == "malformed_payload")

                let missingField = try await client.postWebhook(#"{"id": "m-1", "text": "hi"}"#)
                #expect(missingField.status == .badRequest)
                #expect(missingField.bodyText.contains("from"))

                let large = try await client.postWebhook(apiMessage(id: "m-2", text: String(repeating: "a", count: 4000)))
                #expect(large.status == .contentTooLarge)
                #expect(large.errorCode == "payload_too_large")

                let unknown = try await client.postWebhook(apiMessage(id: "m-3", text: "hi"), channel: "nope")
                #expect(unknown.status == .notFound)
                #expect(unknown.errorCode == "unknown_channel")

                let store = try await openStore(path)
                #expect(try await store.inboxCounts().isEmpty)
            }
        }
    }

    @Test func healthReadinessAndMetricsAnswer() async throws {
        try await FakeProvider.withRunning { provider in
            try await withGateway(try testConfiguration(callbackURL: provider.url("/replies")), databasePath: temporaryDatabasePath()) { client in
                _ = try await client.postWebhook(apiMessage(id: "m-1", text: "When are you open?"))
                _ = try await provider.waitForRequests(count: 1)
                let health = try await client.execute(uri: "/health", method: .get) { $0 }
                #expect(health.status == .ok)
                let ready = try await client.execute(uri: "/ready", method: .get) { $0 }
                #expect(ready.status == .ok)
                #expect(ready.bodyText.contains(#""active":1"#))
                try await eventually("the delivery is counted") {
                    let metrics = try await client.execute(uri: "/metrics", method: .get) { $0 }
                    return metrics.bodyText.contains(#"gateway_outbox_deliveries_total{outcome="sent"} 1"#)
                }
                let metrics = try await client.execute(uri: "/metrics", method: .get) { $0 }
                #expect(metrics.bodyText.contains(#"gateway_webhook_messages_total{outcome="accepted"} 1"#))
            }
        }
    }
}
