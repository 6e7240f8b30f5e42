import APIChannel
import Brain
import ChannelKit
import ChannelKitTesting
import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import Gateway

/// Two tenants: the bakery (an API channel whose replies go to `callbackURL`, and a web chat)
/// and the florist (an API channel), to show that one tenant's key never reaches the other's.
func adminConfiguration(callbackURL: String) throws -> GatewayConfiguration {
    let json = """
        {
          "gateway": {
            "worker": {"pollIntervalMilliseconds": 50},
            "dispatcher": {"maxAttempts": 3, "baseDelayMilliseconds": 20, "maxDelayMilliseconds": 100, "pollIntervalMilliseconds": 50}
          },
          "tenants": [{
            "id": "bakery", "name": "Bella's Bakery", "defaultRegion": "GB",
            "assistant": {"handoffMessage": "A baker will answer you here shortly.", "language": "en"},
            "knowledgeBase": [
              {"id": "hours", "question": "What are your opening hours?", "answer": "Tuesday to Sunday, 7am to 6pm.", "keywords": ["open"]}
            ],
            "channels": [
              {"id": "bakery-api", "type": "api", "settings": {"callbackURL": "\(callbackURL)"}, "secrets": {"signingSecret": "env:BAKERY_SECRET"}},
              {"id": "bakery-chat", "type": "webchat", "settings": {}}
            ]
          }, {
            "id": "florist", "name": "Fern & Petal",
            "channels": [
              {"id": "florist-api", "type": "api", "settings": {"callbackURL": "\(callbackURL)"}, "secrets": {"signingSecret": "env:BAKERY_SECRET"}}
            ]
          }]
        }
        """
    return try ConfigurationLoader(environment: ["BAKERY_SECRET": testSecret.value]).parse(Data(json.utf8), file: "test.json")
}

/// Keys made before the gateway starts, as `gateway keys create` would.
struct TestKeys {
    let admin: String
    let agent: String
    let floristAdmin: String

    static func make(_ path: String) async throws -> TestKeys {
        let store = try await openStore(path)
        return TestKeys(
            admin: try await store.createAPIKey(tenantID: "bakery", role: .admin, name: "Bella").token,
            agent: try await store.createAPIKey(tenantID: "bakery", role: .agent, name: "Sam").token,
            floristAdmin: try await store.createAPIKey(tenantID: "florist", role: .admin, name: "Fern").token
        )
    }
}

/// A count from the gateway's database.
func rows(_ path: String, _ sql: String) async throws -> Int {
    let store = try await openStore(path)
    _ = store
    return try await GRDB.DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
}

/// Runs a gateway on ``adminConfiguration(callbackURL:)`` with a fake API-channel provider
/// and the test keys made beforehand; `body` gets the client, the keys, the provider and the
/// database path.
func withAdminGateway(
    _ body: @escaping @Sendable (any TestClientProtocol, TestKeys, FakeProvider, String) async throws -> Void
) async throws {
    try await FakeProvider.withRunning { provider in
        let path = temporaryDatabasePath()
        let keys = try await TestKeys.make(path)
        try await withGateway(try adminConfiguration(callbackURL: provider.url("/replies")), databasePath: path) { client in
            try await body(client, keys, provider, path)
        }
    }
}

extension TestClientProtocol {
    func api(_ path: String, method: HTTPRequest.Method = .get, key: String?, body: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let key { headers[.authorization] = "Bearer \(key)" }
        if body != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { $0 }
    }
}

extension TestResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    var apiErrorCode: String? {
        (json["error"] as? [String: Any])?["code"] as? String
    }

    var items: [[String: Any]] {
        json["data"] as? [[String: Any]] ?? []
    }
}

@Suite struct AdminAPITests {
    @Test func everyRequestNeedsAValidKey() async throws {
        try await FakeProvider.withRunning { provider in
            let path = temporaryDatabasePath()
            let keys = try await TestKeys.make(path)
            let store = try await openStore(path)
            let revoked = try await store.createAPIKey(tenantID: "bakery", role: .admin, name: "Old laptop")
            #expect(try await store.revokeAPIKey(id: revoked.record.id))
            try await withGateway(try adminConfiguration(callbackURL: provider.url("/replies")), databasePath: path) { client in
                let missing = try await client.api("/api/v1/tenant", key: nil)
                #expect(missing.status == .unauthorized && missing.apiErrorCode == "UNAUTHORIZED")
                #expect(missing.headers[.wwwAuthenticate] == "Bearer")
                #expect((missing.json["requestId"] as? String)?.isEmpty == false)
                let tampered = String(keys.admin.dropLast()) + (keys.admin.last == "A" ? "B" : "A")
                for bad in ["nonsense", keys.admin + "x", tampered, revoked.token] {
                    let response = try await client.api("/api/v1/tenant", key: bad)
                    #expect(response.status == .unauthorized && response.apiErrorCode == "UNAUTHORIZED")
                }
                let tenant = try await client.api("/api/v1/tenant", key: keys.agent)
                #expect(tenant.status == .ok)
                #expect(tenant.json["id"] as? String == "bakery" && tenant.json["name"] as? String == "Bella's Bakery")
                #expect(tenant.json["defaultRegion"] as? String == "GB" && tenant.json["language"] as? String == "en")
            }
        }
    }

    @Test func anAgentCannotReadTheAuditLog() async throws {
        try await withAdminGateway { client, keys, provider, path in
            let forbidden = try await client.api("/api/v1/audit", key: keys.agent)
            #expect(forbidden.status == .forbidden && forbidden.apiErrorCode == "FORBIDDEN")
            let allowed = try await client.api("/api/v1/audit", key: keys.admin)
            #expect(allowed.status == .ok && allowed.json["nextCursor"] is NSNull)
        }
    }

    @Test func anAgentTakesOverRepliesThroughTheChannelAndHandsBack() async throws {
        try await withAdminGateway { client, keys, provider, path in
            _ = try await client.postWebhook(apiMessage(id: "m-1", from: "cust-7", text: "When are you open?"), channel: "bakery-api")
            #expect(try await provider.waitForRequests(count: 1).count == 1)
            let list = try await client.api("/api/v1/conversations", key: keys.agent)
            let conversation = try #require(list.items.first)
            let id = try #require(conversation["id"] as? String)
            #expect(conversation["status"] as? String == "assistant" && conversation["channelKind"] as? String == "api")

            let taken = try await client.api("/api/v1/conversations/\(id)/takeover", method: .post, key: keys.agent)
            #expect(taken.status == .ok && taken.json["status"] as? String == "assigned" && taken.json["assignedTo"] as? String == "Sam")

            // The assistant stays silent while Sam owns it…
            _ = try await client.postWebhook(apiMessage(id: "m-2", from: "cust-7", text: "When are you open on Monday?"), channel: "bakery-api")
            let store = try await openStore(path)
            try await eventually("the customer's second message is stored") {
                try await store.messages(tenantID: "bakery", conversationID: id).count == 3
            }
            // …and Sam's reply goes out through the API channel, recorded with Sam.
            let reply = try await client.api("/api/v1/conversations/\(id)/reply", method: .post, key: keys.agent, body: #"{"text": "  We're closed on Mondays, sorry!  "}"#)
            #expect(reply.status == .accepted)
            let message = try #require(reply.json["message"] as? [String: Any])
            #expect(message["author"] as? String == "agent" && message["agent"] as? String == "Sam")
            #expect(message["text"] as? String == "We're closed on Mondays, sorry!" && message["deliveryStatus"] as? String == "queued")
            let delivered = try await provider.waitForRequests(count: 2)
            let callback = try JSONSerialization.jsonObject(with: delivered[1].body) as? [String: Any]
            #expect(callback?["text"] as? String == "We're closed on Mondays, sorry!")
            #expect((callback?["to"] as? [String: Any])?["id"] as? String == "cust-7")
            #expect(callback?["inReplyTo"] as? String == "m-2")

            let messages = try await client.api("/api/v1/conversations/\(id)/messages", key: keys.agent)
            #expect(messages.items.map { $0["author"] as? String } == ["customer", "assistant", "customer", "agent"])
            try await eventually("the agent's reply is marked sent") {
                try await client.api("/api/v1/conversations/\(id)/messages", key: keys.agent).items.last?["deliveryStatus"] as? String == "sent"
            }

            let back = try await client.api("/api/v1/conversations/\(id)/handback", method: .post, key: keys.agent)
            #expect(back.status == .ok && back.json["status"] as? String == "assistant" && back.json["assignedTo"] is NSNull)
            _ = try await client.postWebhook(apiMessage(id: "m-3", from: "cust-7", text: "When are you open on Sunday?"), channel: "bakery-api")
            let answered = try await provider.waitForRequests(count: 3)
            let assistant = try JSONSerialization.jsonObject(with: answered[2].body) as? [String: Any]
            #expect(assistant?["text"] as? String == "Tuesday to Sunday, 7am to 6pm.")

            let audit = try await client.api("/api/v1/audit", key: keys.admin)
            #expect(audit.items.map { $0["action"] as? String } == ["conversation.handback", "conversation.reply", "conversation.takeover"])
            #expect(audit.items.allSatisfy { ($0["actor"] as? [String: Any])?["name"] as? String == "Sam" && $0["target"] as? String == id })
        }
    }

    @Test func aClosedConversationRefusesChanges() async throws {
        try await withAdminGateway { client, keys, provider, path in
            _ = try await client.postWebhook(apiMessage(id: "m-1", text: "When are you open?"), channel: "bakery-api")
            _ = try await provider.waitForRequests(count: 1)
            let id = try #require(try await client.api("/api/v1/conversations", key: keys.agent).items.first?["id"] as? String)
            let closed = try await client.api("/api/v1/conversations/\(id)/close", method: .post, key: keys.agent)
            #expect(closed.json["status"] as? String == "closed")
            for action in ["takeover", "handback", "close"] {
                let response = try await client.api("/api/v1/conversations/\(id)/\(action)", method: .post, key: keys.agent)
                #expect(response.status == .conflict && response.apiErrorCode == "CONFLICT")
            }
            let reply = try await client.api("/api/v1/conversations/\(id)/reply", method: .post, key: keys.agent, body: #"{"text": "Hello?"}"#)
            #expect(reply.status == .conflict)
            let filtered = try await client.api("/api/v1/conversations?status=closed", key: keys.agent)
            #expect(filtered.items.map { $0["id"] as? String } == [id])
            #expect(try await client.api("/api/v1/conversations?owner=assistant", key: keys.agent).items.isEmpty)
        }
    }

    @Test func aKeySeesNothingOfAnotherTenant() async throws {
        try await withAdminGateway { client, keys, provider, path in
            _ = try await client.postWebhook(apiMessage(id: "m-1", text: "When are you open?"), channel: "bakery-api")
            _ = try await provider.waitForRequests(count: 1)
            let id = try #require(try await client.api("/api/v1/conversations", key: keys.admin).items.first?["id"] as? String)
            #expect(try await client.api("/api/v1/conversations", key: keys.floristAdmin).items.isEmpty)
            #expect(try await client.api("/api/v1/audit", key: keys.floristAdmin).items.isEmpty)
            #expect(try await client.api("/api/v1/tenant", key: keys.floristAdmin).json["id"] as? String == "florist")
            let attempts: [(String, HTTPRequest.Method, String?)] = [
                ("/api/v1/conversations/\(id)", .get, nil), ("/api/v1/conversations/\(id)/messages", .get, nil),
                ("/api/v1/conversations/\(id)/takeover", .post, nil), ("/api/v1/conversations/\(id)/handback", .post, nil),
                ("/api/v1/conversations/\(id)/close", .post, nil), ("/api/v1/conversations/\(id)/reply", .post, #"{"text":"hi"}"#),
            ]
            for (uri, method, body) in attempts {
                let response = try await client.api(uri, method: method, key: keys.floristAdmin, body: body)
                #expect(response.status == .notFound && response.apiErrorCode == "NOT_FOUND", "\(method) \(uri)")
            }
            // Nothing changed for the bakery.
            let still = try await client.api("/api/v1/conversations/\(id)", key: keys.admin)
            #expect(still.json["status"] as? String == "assistant")
        }
    }

    @Test func listsArePaginatedWithCursors() async throws {
        try await withAdminGateway { client, keys, provider, path in
            for index in 1...5 {
                _ = try await client.postWebhook(apiMessage(id: "m-\(index)", from: "cust-\(index)", text: "When are you open?"), channel: "bakery-api")
            }
            _ = try await provider.waitForRequests(count: 5)
            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let query = "/api/v1/conversations?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.api(query, key: keys.agent)
                #expect(page.status == .ok)
                seen += page.items.compactMap { $0["id"] as? String }
                cursor = page.json["nextCursor"] as? String
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 3 && seen.count == 5 && Set(seen).count == 5)

            let id = try #require(seen.first)
            let first = try await client.api("/api/v1/conversations/\(id)/messages?limit=1", key: keys.agent)
            let rest = try await client.api("/api/v1/conversations/\(id)/messages?limit=1&cursor=\(try #require(first.json["nextCursor"] as? String))", key: keys.agent)
            #expect(first.items.first?["author"] as? String == "customer" && rest.items.first?["author"] as? String == "assistant")
            #expect(rest.json["nextCursor"] is NSNull)

            for bad in ["limit=0", "limit=101", "limit=x", "cursor=%%%", "cursor=bm9wZQ", "status=open", "owner=robot"] {
                let response = try await client.api("/api/v1/conversations?\(bad)", key: keys.agent)
                #expect(response.status == .badRequest && response.apiErrorCode == "VALIDATION_ERROR", "\(bad)")
                #expect(((response.json["error"] as? [String: Any])?["details"] as? [String: Any])?["field"] != nil)
            }
            let empty = try await client.api("/api/v1/conversations/\(id)/reply", method: .post, key: keys.agent, body: #"{"text": "   "}"#)
            #expect(empty.status == .badRequest && empty.apiErrorCode == "VALIDATION_ERROR")
            let malformed = try await client.api("/api/v1/conversations/\(id)/reply", method: .post, key: keys.agent, body: "{")
            #expect(malformed.status == .badRequest)
        }
    }

    @Test func anAgentsReplyAppearsLiveInTheWebChat() async throws {
        try await withAdminGateway { client, keys, provider, path in
            let socket = try await WebChatTestSocket.open(port: try #require(client.port), channel: "bakery-chat")
            _ = try await socket.hello()
            try await socket.say("Can I order a birthday cake?", id: "c1")
            _ = try await socket.next("accepted")
            // The visitor's own message (seq 2; it may come before or after `accepted`), then
            // the assistant's handoff (seq 3).
            var handoff: [String: any Sendable] = [:]
            while !(handoff["role"] as? String == "assistant" && (handoff["seq"] as? Int ?? 0) > 1) {
                handoff = try await socket.nextEntry()
            }
            #expect(handoff["seq"] as? Int == 3)
            let id = try #require(try await client.api("/api/v1/conversations?channelId=bakery-chat", key: keys.agent).items.first?["id"] as? String)
            let reply = try await client.api("/api/v1/conversations/\(id)/reply", method: .post, key: keys.agent, body: #"{"text": "Of course! Which day?"}"#)
            #expect(reply.status == .accepted, "\(reply.bodyText)")
            var agentEntry: [String: any Sendable]?
            while agentEntry == nil {
                let entry = try await socket.nextEntry()
                if entry["role"] as? String == "agent" { agentEntry = entry }
            }
            #expect(agentEntry?["text"] as? String == "Of course! Which day?" && agentEntry?["agentName"] as? String == "Sam")
            await socket.close()
        }
    }

    @Test func anAdminPausesAChannelAndItsRepliesWaitUntilResumed() async throws {
        try await withAdminGateway { client, keys, provider, path in
            let list = try await client.api("/api/v1/channels", key: keys.agent)
            #expect(list.items.map { $0["id"] as? String } == ["bakery-api", "bakery-chat"])
            #expect(list.items.map { $0["status"] as? String } == ["active", "active"])

            let refused = try await client.api("/api/v1/channels/bakery-api/pause", method: .post, key: keys.agent)
            #expect(refused.status == .forbidden && refused.apiErrorCode == "FORBIDDEN")
            let paused = try await client.api("/api/v1/channels/bakery-api/pause", method: .post, key: keys.admin)
            #expect(paused.status == .ok && paused.json["status"] as? String == "paused" && paused.json["pausedBy"] as? String == "Bella")

            // Still received and answered, but the answer waits.
            let accepted = try await client.postWebhook(apiMessage(id: "m-1", text: "When are you open?"), channel: "bakery-api")
            #expect(accepted.status == .ok)
            try await eventually("the reply is queued") {
                let counts = try await client.api("/api/v1/channels/bakery-api", key: keys.agent).json["counts"] as? [String: Any]
                return counts?["received"] as? Int == 1 && counts?["pending"] as? Int == 1
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(await provider.requests.isEmpty)

            let resumed = try await client.api("/api/v1/channels/bakery-api/resume", method: .post, key: keys.admin)
            #expect(resumed.json["status"] as? String == "active" && resumed.json["pausedBy"] is NSNull)
            let delivered = try await provider.waitForRequests(count: 1)
            #expect((try JSONSerialization.jsonObject(with: delivered[0].body) as? [String: Any])?["text"] as? String == "Tuesday to Sunday, 7am to 6pm.")
            try await eventually("the channel counts the sent reply") {
                let channel = try await client.api("/api/v1/channels/bakery-api", key: keys.agent).json
                return (channel["counts"] as? [String: Any])?["sent"] as? Int == 1 && channel["lastOutboundAt"] is String
            }

            let audit = try await client.api("/api/v1/audit", key: keys.admin)
            #expect(audit.items.map { $0["action"] as? String } == ["channel.resume", "channel.pause"])
            for (uri, method) in [("/api/v1/channels/bakery-api", HTTPRequest.Method.get), ("/api/v1/channels/bakery-api/pause", .post)] {
                let other = try await client.api(uri, method: method, key: keys.floristAdmin)
                #expect(other.status == .notFound && other.apiErrorCode == "NOT_FOUND")
            }
        }
    }

    @Test func customersAreFoundBlockedAndErased() async throws {
        try await withAdminGateway { client, keys, provider, path in
            _ = try await client.postWebhook(apiMessage(id: "m-1", from: "cust-ada", text: "When are you open?"), channel: "bakery-api")
            _ = try await client.postWebhook(#"{"id":"m-2","from":{"id":"cust-bob","name":"Bob Baker"},"text":"When are you open?"}"#, channel: "bakery-api")
            _ = try await provider.waitForRequests(count: 2)

            let all = try await client.api("/api/v1/customers", key: keys.agent)
            #expect(all.items.count == 2)
            let found = try await client.api("/api/v1/customers?q=BOB", key: keys.agent)
            let bob = try #require(found.items.first)
            #expect(found.items.count == 1 && bob["displayName"] as? String == "Bob Baker" && bob["blocked"] as? Bool == false)
            let byChannelID = try await client.api("/api/v1/customers?q=cust-ada", key: keys.agent)
            let adaID = try #require(byChannelID.items.first?["id"] as? String)
            #expect(byChannelID.items.count == 1)
            #expect(try await client.api("/api/v1/customers?q=%25", key: keys.agent).items.isEmpty)

            let detail = try await client.api("/api/v1/customers/\(adaID)", key: keys.agent)
            let identities = try #require(detail.json["identities"] as? [[String: Any]])
            #expect(identities.first?["channelUserId"] as? String == "cust-ada" && identities.first?["channelId"] as? String == "bakery-api")
            #expect((identities.first?["evidence"] as? String)?.isEmpty == false)

            // A blocked customer is stored but never answered.
            let blocked = try await client.api("/api/v1/customers/\(adaID)/block", method: .post, key: keys.agent)
            #expect(blocked.status == .ok && blocked.json["blocked"] as? Bool == true)
            _ = try await client.postWebhook(apiMessage(id: "m-3", from: "cust-ada", text: "When are you open?"), channel: "bakery-api")
            let store = try await openStore(path)
            _ = store
            try await eventually("the blocked customer's message is stored") {
                try await rows(path, "SELECT COUNT(*) FROM messages WHERE blocked_reason = 'blocked_by_business'") == 1
            }
            try await Task.sleep(for: .milliseconds(300))
            #expect(await provider.requests.count == 2)
            let unblocked = try await client.api("/api/v1/customers/\(adaID)/unblock", method: .post, key: keys.agent)
            #expect(unblocked.json["blocked"] as? Bool == false && unblocked.json["blockedAt"] is NSNull)

            // Erasure: admin only, then nothing of Ada is left, and Bob is untouched.
            let refused = try await client.api("/api/v1/customers/\(adaID)", method: .delete, key: keys.agent)
            #expect(refused.status == .forbidden)
            let elsewhere = try await client.api("/api/v1/customers/\(adaID)", method: .delete, key: keys.floristAdmin)
            #expect(elsewhere.status == .notFound)
            let erased = try await client.api("/api/v1/customers/\(adaID)", method: .delete, key: keys.admin)
            #expect(erased.status == .noContent)
            #expect(try await client.api("/api/v1/customers/\(adaID)", key: keys.admin).status == .notFound)
            #expect(try await client.api("/api/v1/customers", key: keys.admin).items.map { $0["displayName"] as? String } == ["Bob Baker"])
            #expect(try await rows(path, "SELECT COUNT(*) FROM inbox WHERE payload LIKE '%cust-ada%'") == 0)
            #expect(try await rows(path, "SELECT COUNT(*) FROM messages") == 2)
            #expect(try await rows(path, "SELECT COUNT(*) FROM outbox WHERE CAST(address AS TEXT) LIKE '%cust-ada%'") == 0)
            let audit = try await client.api("/api/v1/audit", key: keys.admin)
            #expect(audit.items.map { $0["action"] as? String } == ["customer.delete", "customer.unblock", "customer.block"])
        }
    }

    @Test func analyticsCountTheTenantsTrafficAndTheLedgerExportsAsCSV() async throws {
        try await withAdminGateway { client, keys, provider, path in
            _ = try await client.postWebhook(apiMessage(id: "m-1", from: "cust-1", text: "When are you open?"), channel: "bakery-api")
            _ = try await client.postWebhook(apiMessage(id: "m-2", from: "cust-2", text: "Can I bring my dog?"), channel: "bakery-api")
            _ = try await provider.waitForRequests(count: 2)
            let report = try await client.api("/api/v1/analytics", key: keys.agent)
            #expect(report.status == .ok)
            let messages = try #require(report.json["messages"] as? [[String: Any]])
            #expect(messages.count == 1 && messages.first?["channelId"] as? String == "bakery-api")
            #expect(messages.first?["inbound"] as? Int == 2 && messages.first?["outbound"] as? Int == 2)
            let times = try #require(report.json["responseTimes"] as? [String: Any])
            #expect(times["answered"] as? Int == 2 && (times["p50Ms"] as? Int ?? -1) >= 0)
            #expect((report.json["budget"] as? [String: Any])?["exhausted"] as? Bool == false)
            #expect(report.json["currency"] as? String == "USD")
            // The florist sees none of it.
            let other = try await client.api("/api/v1/analytics", key: keys.floristAdmin)
            #expect((other.json["messages"] as? [[String: Any]])?.isEmpty == true)

            for bad in ["from=2026-13-01", "from=yesterday", "from=2026-11-22&to=2026-11-01", "from=2024-01-01&to=2026-01-01"] {
                let response = try await client.api("/api/v1/analytics?\(bad)", key: keys.agent)
                #expect(response.status == .badRequest && response.apiErrorCode == "VALIDATION_ERROR", "\(bad)")
            }
            let csv = try await client.api("/api/v1/costs.csv", key: keys.admin)
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.bodyText.hasPrefix("time,channel,kind,quantity,unit,unit_price,amount,currency,reference\r\n"))
            #expect(try await client.api("/api/v1/costs.csv", key: keys.agent).status == .forbidden)
        }
    }

    @Test func csvFieldsAreQuotedAndDefusedAgainstFormulas() {
        #expect(AdminController.csvField("plain") == "plain")
        #expect(AdminController.csvField("a,b") == "\"a,b\"")
        #expect(AdminController.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(AdminController.csvField("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(AdminController.csvField("-0.5") == "-0.5")
        #expect(AdminJSON.money(12_500_000) == "0.0125")
        #expect(AdminJSON.money(3_000_000_000) == "3.00")
        #expect(AdminJSON.money(1) == "0.000000001")
    }

    @Test func anAdminMergesTwoCustomersAndUnlinksAnIdentityAgain() async throws {
        try await withAdminGateway { client, keys, provider, path in
            _ = try await client.postWebhook(apiMessage(id: "m-1", from: "ada-work", text: "When are you open?"), channel: "bakery-api")
            _ = try await client.postWebhook(apiMessage(id: "m-2", from: "ada-home", text: "When are you open?"), channel: "bakery-api")
            _ = try await provider.waitForRequests(count: 2)
            let work = try #require(try await client.api("/api/v1/customers?q=ada-work", key: keys.admin).items.first?["id"] as? String)
            let home = try #require(try await client.api("/api/v1/customers?q=ada-home", key: keys.admin).items.first?["id"] as? String)

            let refused = try await client.api("/api/v1/customers/\(home)/merge", method: .post, key: keys.agent, body: #"{"intoCustomerId": "\#(work)"}"#)
            #expect(refused.status == .forbidden)
            let itself = try await client.api("/api/v1/customers/\(home)/merge", method: .post, key: keys.admin, body: #"{"intoCustomerId": "\#(home)"}"#)
            #expect(itself.status == .conflict && itself.apiErrorCode == "CONFLICT")
            let merged = try await client.api("/api/v1/customers/\(home)/merge", method: .post, key: keys.admin, body: #"{"intoCustomerId": "\#(work)", "reason": "same person"}"#)
            #expect(merged.status == .ok && merged.json["id"] as? String == work)
            let identities = try #require(merged.json["identities"] as? [[String: Any]])
            #expect(Set(identities.compactMap { $0["channelUserId"] as? String }) == ["ada-work", "ada-home"])
            #expect(try await client.api("/api/v1/customers/\(home)", key: keys.admin).status == .notFound)

            let homeIdentity = try #require(identities.first { $0["channelUserId"] as? String == "ada-home" }?["id"] as? String)
            let unlinked = try await client.api("/api/v1/customers/\(work)/identities/\(homeIdentity)/unlink", method: .post, key: keys.admin)
            #expect(unlinked.status == .ok && unlinked.json["id"] as? String != work)
            #expect((unlinked.json["identities"] as? [[String: Any]])?.map { $0["channelUserId"] as? String } == ["ada-home"])
            let again = try await client.api("/api/v1/customers/\(work)/identities/\(homeIdentity)/unlink", method: .post, key: keys.admin)
            #expect(again.status == .notFound)
            let audit = try await client.api("/api/v1/audit", key: keys.admin)
            #expect(audit.items.prefix(2).map { $0["action"] as? String } == ["customer.unlink", "customer.merge"])
        }
    }

    @Test func servesTheOpenAPIDocumentAndItsPage() async throws {
        try await FakeProvider.withRunning { provider in
            try await withGateway(try adminConfiguration(callbackURL: provider.url("/replies")), databasePath: temporaryDatabasePath()) { client in
                let document = try await client.api("/openapi.json", key: nil)
                #expect(document.status == .ok && document.json["openapi"] as? String == "3.1.0")
                let paths = try #require(document.json["paths"] as? [String: Any])
                for path in ["/api/v1/tenant", "/api/v1/conversations", "/api/v1/conversations/{conversationId}/reply", "/api/v1/audit"] {
                    #expect(paths[path] != nil, "\(path) is documented")
                }
                let page = try await client.api("/docs", key: nil)
                #expect(page.status == .ok && page.headers[.contentType]?.hasPrefix("text/html") == true)
            }
        }
    }
}
