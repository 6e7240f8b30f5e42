import ChannelKit
import ChannelKitTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MetaChannel
import NIOCore
import Testing

@testable import Gateway

/// WhatsApp through the whole gateway: Meta's handshake, a signed message, the reply at a fake
/// Graph API, the read mark, and delivery statuses applied to the stored reply.
@Suite struct WhatsAppGatewayTests {
    static let appSecret = Secret("test-app-secret")

    func configuration(graph: FakeProvider) throws -> GatewayConfiguration {
        let json = """
            {"gateway": {"worker": {"pollIntervalMilliseconds": 50},
                         "dispatcher": {"baseDelayMilliseconds": 20, "maxDelayMilliseconds": 100, "timeoutMilliseconds": 2000, "pollIntervalMilliseconds": 50}},
             "tenants": [{"id": "bakery", "name": "Bella's Bakery",
               "knowledgeBase": [{"id": "hours", "question": "What are your opening hours?", "answer": "Tuesday to Sunday, 7am to 6pm.", "keywords": ["open"]}],
               "channels": [{"id": "bakery-wa", "type": "whatsapp",
                 "settings": {"phoneNumberId": "106540352242922", "graphBaseURL": "\(graph.url(""))", "graphVersion": "v21.0"},
                 "secrets": {"accessToken": "env:WA_TOKEN", "appSecret": "env:WA_APP_SECRET", "verifyToken": "env:WA_VERIFY"}}]}]}
            """
        let environment = ["WA_TOKEN": "EAAG-test-token", "WA_APP_SECRET": Self.appSecret.value, "WA_VERIFY": "verify-me"]
        return try ConfigurationLoader(environment: environment).parse(Data(json.utf8), file: "test.json")
    }

    func post(_ body: String, client: some TestClientProtocol, signature: String? = nil) async throws -> TestResponse {
        let mac = signature ?? "sha256=" + Signature.hmacSHA256Hex(key: Self.appSecret, data: Data(body.utf8))
        let headers: HTTPFields = [.contentType: "application/json", HTTPField.Name("X-Hub-Signature-256")!: mac]
        return try await client.execute(uri: "/webhooks/bakery-wa", method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
    }

    static func message(_ id: String, _ text: String) -> String {
        #"{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],"messages":[{"from":"16505551234","id":""# + id + #"","timestamp":"1739321024","text":{"body":""# + text + #""},"type":"text"}]},"field":"messages"}]}]}"#
    }

    static func status(_ wamid: String, _ status: String) -> String {
        #"{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"statuses":[{"id":""# + wamid + #"","status":""# + status + #"","timestamp":"1739321100","recipient_id":"16505551234"}]},"field":"messages"}]}]}"#
    }

    @Test func aSignedMessageIsReadAnsweredAndItsDeliveryTracked() async throws {
        try await FakeProvider.withRunning(defaultReply: .dynamic { request in
            // Meta's answer to a send; a read mark answers {"success": true}.
            request.bodyText.contains(#""status":"read""#)
                ? .json(status: 200, body: #"{"success":true}"#)
                : .json(status: 200, body: #"{"messaging_product":"whatsapp","contacts":[{"input":"16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.REPLY1"}]}"#)
        }) { graph in
            let path = temporaryDatabasePath()
            try await withGateway(try configuration(graph: graph), databasePath: path) { client in
                // Meta's subscription handshake.
                let challenge = try await client.execute(uri: "/webhooks/bakery-wa?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444", method: .get) { $0 }
                #expect(challenge.status == .ok)
                #expect(String(buffer: challenge.body) == "1158201444")
                let wrong = try await client.execute(uri: "/webhooks/bakery-wa?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1", method: .get) { $0 }
                #expect(wrong.status == .forbidden)

                let unsigned = try await post(Self.message("wamid.A1", "When are you open?"), client: client, signature: "sha1=abc")
                #expect(unsigned.status == .unauthorized)

                let accepted = try await post(Self.message("wamid.A1", "When are you open?"), client: client)
                #expect(accepted.status == .ok)
                let duplicate = try await post(Self.message("wamid.A1", "When are you open?"), client: client)
                #expect(duplicate.status == .ok)

                let requests = try await graph.waitForRequests(count: 2)
                #expect(requests.allSatisfy { $0.path == "/v21.0/106540352242922/messages" })
                #expect(requests.allSatisfy { $0.headers["Authorization"] == "Bearer EAAG-test-token" })
                let read = try #require(requests.first { $0.bodyText.contains(#""status":"read""#) })
                #expect(read.bodyText.contains("wamid.A1"))
                let reply = try #require(requests.first { $0.bodyText.contains(#""type":"text""#) })
                #expect(reply.bodyText.contains("Tuesday to Sunday, 7am to 6pm."))
                #expect(reply.bodyText.contains(#""to":"16505551234""#))

                let store = try await openStore(path)
                try await eventually("the reply is sent") { try await store.outboxCounts() == ["sent": 1] }
                _ = try await post(Self.status("wamid.REPLY1", "delivered"), client: client)
                _ = try await post(Self.status("wamid.REPLY1", "read"), client: client)
                let conversation = try #require(try await store.conversations(tenantID: "bakery").first)
                let stored = try #require(try await store.messages(tenantID: "bakery", conversationID: conversation.id).last)
                #expect(stored.providerMessageID == "wamid.REPLY1")
                #expect(stored.deliveryStatus == "read")
                // The retried delivery produced no second reply.
                try await Task.sleep(for: .milliseconds(200))
                #expect(await graph.requests.filter { $0.bodyText.contains(#""type":"text""#) }.count == 1)
            }
        }
    }
}
