import ChannelKitTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import Gateway

/// The assistant and knowledge base edited through the admin API: checked, audited, stored,
/// live for the next message, kept across a restart, and never another tenant's.
@Suite struct AdminTenantEditingTests {
    static let assistant = """
        {"persona": "the counter of Bella's Bakery", "tone": "warm", "language": "en-GB",
         "handoffMessage": "Hold on, Bella herself will reply.", "unansweredMessage": "Hmm, I don't know that one.",
         "fallbackMessage": "One moment, please.", "matchThreshold": 0.6, "handoffAfterUnanswered": 3}
        """

    @Test func anAdminChangesTheAssistantAndTheNextHandoffUsesIt() async throws {
        try await withAdminGateway { client, keys, provider, path in
            let before = try await client.api("/api/v1/tenant/assistant", key: keys.agent)
            #expect(before.status == .ok && before.json["source"] as? String == "configuration" && before.json["updatedAt"] is NSNull)
            #expect(before.json["handoffMessage"] as? String == "A baker will answer you here shortly.")
            #expect(before.json["model"] is NSNull)
            let version = try #require(before.json["knowledgeVersion"] as? String)

            let forbidden = try await client.api("/api/v1/tenant/assistant", method: .put, key: keys.agent, body: Self.assistant)
            #expect(forbidden.status == .forbidden && forbidden.apiErrorCode == "FORBIDDEN")

            let updated = try await client.api("/api/v1/tenant/assistant", method: .put, key: keys.admin, body: Self.assistant)
            #expect(updated.status == .ok)
            #expect(updated.json["source"] as? String == "api" && updated.json["updatedAt"] is String)
            #expect(updated.json["persona"] as? String == "the counter of Bella's Bakery" && updated.json["language"] as? String == "en-GB")
            #expect(updated.json["matchThreshold"] as? Double == 0.6 && updated.json["handoffAfterUnanswered"] as? Int == 3)
            #expect(updated.json["knowledgeVersion"] as? String != version, "the persona is part of what answers are made from")
            #expect(try await client.api("/api/v1/tenant/assistant", key: keys.agent).json["tone"] as? String == "warm")

            // The next customer who asks for a person gets the new words.
            _ = try await client.postWebhook(apiMessage(id: "m-1", from: "cust-1", text: "Can I talk to a human please?"), channel: "bakery-api")
            let sent = try await provider.waitForRequests(count: 1)
            #expect((try JSONSerialization.jsonObject(with: sent[0].body) as? [String: Any])?["text"] as? String == "Hold on, Bella herself will reply.")

            let audit = try await client.api("/api/v1/audit", key: keys.admin)
            let entry = try #require(audit.items.first)
            #expect(entry["action"] as? String == "assistant.update" && entry["target"] as? String == "bakery")
            let changed = ((entry["details"] as? [String: Any])?["changed"] as? String)?.split(separator: ",").map(String.init)
            #expect(Set(changed ?? []) == ["persona", "tone", "language", "handoffMessage", "unansweredMessage", "fallbackMessage", "matchThreshold", "handoffAfterUnanswered"])
        }
    }

    @Test func anInvalidAssistantIsRefusedNamingTheFieldAndChangesNothing() async throws {
        try await withAdminGateway { client, keys, _, _ in
            func refused(_ change: (inout [String: Any]) -> Void) async throws -> String? {
                var body = try #require(try JSONSerialization.jsonObject(with: Data(Self.assistant.utf8)) as? [String: Any])
                change(&body)
                let text = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
                let response = try await client.api("/api/v1/tenant/assistant", method: .put, key: keys.admin, body: text)
                #expect(response.status == .badRequest && response.apiErrorCode == "VALIDATION_ERROR")
                return ((response.json["error"] as? [String: Any])?["details"] as? [String: Any])?["field"] as? String
            }
            #expect(try await refused { $0["language"] = "English" } == "language")
            #expect(try await refused { $0["persona"] = "   " } == "persona")
            #expect(try await refused { $0["tone"] = String(repeating: "x", count: 201) } == "tone")
            #expect(try await refused { $0["matchThreshold"] = 1.5 } == "matchThreshold")
            #expect(try await refused { $0["handoffAfterUnanswered"] = 0 } == "handoffAfterUnanswered")
            #expect(try await refused { $0["handoffMessage"] = nil } == "handoffMessage")
            #expect(try await refused { $0["tone"] = 7 } == "tone")
            // No model is configured here, so none can be chosen; the refusal says so.
            #expect(try await refused { $0["model"] = ["enabled": true, "model": "gpt-4o"] } == "model.model")
            #expect(try await refused { $0["model"] = ["enabled": true, "maxTokens": 0] } == "model.maxTokens")
            let notJSON = try await client.api("/api/v1/tenant/assistant", method: .put, key: keys.admin, body: "{persona")
            #expect(notJSON.status == .badRequest && notJSON.apiErrorCode == "VALIDATION_ERROR")

            let unchanged = try await client.api("/api/v1/tenant/assistant", key: keys.admin)
            #expect(unchanged.json["source"] as? String == "configuration" && unchanged.json["tone"] as? String == "friendly")
            // Switching the model off is allowed without any model configured.
            var off = try #require(try JSONSerialization.jsonObject(with: Data(Self.assistant.utf8)) as? [String: Any])
            off["model"] = ["enabled": false]
            let body = String(decoding: try JSONSerialization.data(withJSONObject: off), as: UTF8.self)
            let saved = try await client.api("/api/v1/tenant/assistant", method: .put, key: keys.admin, body: body)
            #expect(saved.status == .ok)
            let model = try #require(saved.json["model"] as? [String: Any])
            #expect(model["enabled"] as? Bool == false && model["model"] is NSNull && model["maxTokens"] is NSNull)
        }
    }

    @Test func knowledgeEntriesAreCreatedReadReplacedAndDeletedLive() async throws {
        try await withAdminGateway { client, keys, provider, _ in
            let list = try await client.api("/api/v1/tenant/knowledge", key: keys.agent)
            #expect(list.status == .ok && list.items.map { $0["id"] as? String } == ["hours"])

            let entry = #"{"id": "parking", "question": "Where can I park?", "answer": "Free parking behind the shop.", "keywords": ["parking", "park"]}"#
            #expect(try await client.api("/api/v1/tenant/knowledge", method: .post, key: keys.agent, body: entry).status == .forbidden)
            let created = try await client.api("/api/v1/tenant/knowledge", method: .post, key: keys.admin, body: entry)
            #expect(created.status == .created && created.json["id"] as? String == "parking" && created.json["keywords"] as? [String] == ["parking", "park"])
            let again = try await client.api("/api/v1/tenant/knowledge", method: .post, key: keys.admin, body: entry)
            #expect(again.status == .conflict && again.apiErrorCode == "CONFLICT")
            let generated = try await client.api("/api/v1/tenant/knowledge", method: .post, key: keys.admin, body: #"{"question": "Do you deliver?", "answer": "Within 5 miles, from 10am."}"#)
            let generatedID = try #require(generated.json["id"] as? String)
            #expect(generated.status == .created && generatedID.hasPrefix("kb_") && generated.json["keywords"] as? [String] == [])

            // The next question is answered from the new entry.
            _ = try await client.postWebhook(apiMessage(id: "m-1", from: "cust-1", text: "Is there parking?"), channel: "bakery-api")
            var sent = try await provider.waitForRequests(count: 1)
            #expect((try JSONSerialization.jsonObject(with: sent[0].body) as? [String: Any])?["text"] as? String == "Free parking behind the shop.")

            let replaced = try await client.api("/api/v1/tenant/knowledge/parking", method: .put, key: keys.admin,
                                                body: #"{"question": "Where can I park?", "answer": "Park on Mill Street; the yard is closed.", "keywords": ["parking"]}"#)
            #expect(replaced.status == .ok && replaced.json["answer"] as? String == "Park on Mill Street; the yard is closed.")
            #expect(try await client.api("/api/v1/tenant/knowledge/parking", key: keys.agent).json["keywords"] as? [String] == ["parking"])
            _ = try await client.postWebhook(apiMessage(id: "m-2", from: "cust-1", text: "Is there parking?"), channel: "bakery-api")
            sent = try await provider.waitForRequests(count: 2)
            #expect((try JSONSerialization.jsonObject(with: sent[1].body) as? [String: Any])?["text"] as? String == "Park on Mill Street; the yard is closed.")

            let mismatched = try await client.api("/api/v1/tenant/knowledge/parking", method: .put, key: keys.admin, body: #"{"id": "other", "question": "Q?", "answer": "A."}"#)
            #expect(mismatched.status == .badRequest)
            let missing = try await client.api("/api/v1/tenant/knowledge/nope", method: .put, key: keys.admin, body: #"{"question": "Q?", "answer": "A."}"#)
            #expect(missing.status == .notFound && missing.apiErrorCode == "NOT_FOUND")
            let blank = try await client.api("/api/v1/tenant/knowledge", method: .post, key: keys.admin, body: #"{"question": " ", "answer": "A."}"#)
            #expect(blank.status == .badRequest && ((blank.json["error"] as? [String: Any])?["details"] as? [String: Any])?["field"] as? String == "question")
            let badID = try await client.api("/api/v1/tenant/knowledge", method: .post, key: keys.admin, body: #"{"id": "a b", "question": "Q?", "answer": "A."}"#)
            #expect(badID.status == .badRequest)

            // Pages of one, in order.
            let first = try await client.api("/api/v1/tenant/knowledge?limit=1", key: keys.agent)
            let cursor = try #require(first.json["nextCursor"] as? String)
            let second = try await client.api("/api/v1/tenant/knowledge?limit=1&cursor=\(cursor)", key: keys.agent)
            let third = try await client.api("/api/v1/tenant/knowledge?limit=1&cursor=\(try #require(second.json["nextCursor"] as? String))", key: keys.agent)
            #expect((first.items + second.items + third.items).map { $0["id"] as? String } == ["hours", "parking", generatedID])
            #expect(third.json["nextCursor"] is NSNull)
            #expect(try await client.api("/api/v1/tenant/knowledge?q=MILL", key: keys.agent).items.map { $0["id"] as? String } == ["parking"])

            #expect(try await client.api("/api/v1/tenant/knowledge/parking", method: .delete, key: keys.agent).status == .forbidden)
            #expect(try await client.api("/api/v1/tenant/knowledge/parking", method: .delete, key: keys.admin).status == .noContent)
            #expect(try await client.api("/api/v1/tenant/knowledge/parking", key: keys.admin).status == .notFound)
            #expect(try await client.api("/api/v1/tenant/knowledge/parking", method: .delete, key: keys.admin).status == .notFound)
            // Without the entry, the question goes to a human (no model is configured).
            _ = try await client.postWebhook(apiMessage(id: "m-3", from: "cust-2", text: "Is there parking?"), channel: "bakery-api")
            sent = try await provider.waitForRequests(count: 3)
            #expect((try JSONSerialization.jsonObject(with: sent[2].body) as? [String: Any])?["text"] as? String == "A baker will answer you here shortly.")

            let audit = try await client.api("/api/v1/audit", key: keys.admin)
            #expect(audit.items.prefix(4).map { $0["action"] as? String } == ["knowledge.delete", "knowledge.update", "knowledge.create", "knowledge.create"])
            #expect(audit.items.first?["target"] as? String == "parking")
        }
    }

    @Test func editsSurviveARestartAndReplaceTheConfiguration() async throws {
        try await FakeProvider.withRunning { provider in
            let path = temporaryDatabasePath()
            let keys = try await TestKeys.make(path)
            try await withGateway(try adminConfiguration(callbackURL: provider.url("/replies")), databasePath: path) { client in
                _ = try await client.api("/api/v1/tenant/assistant", method: .put, key: keys.admin, body: Self.assistant)
                _ = try await client.api("/api/v1/tenant/knowledge/hours", method: .delete, key: keys.admin)
                _ = try await client.api("/api/v1/tenant/knowledge", method: .post, key: keys.admin,
                                         body: #"{"id": "cakes", "question": "Do you make birthday cakes?", "answer": "Yes, order two days ahead."}"#)
            }
            try await withGateway(try adminConfiguration(callbackURL: provider.url("/replies")), databasePath: path) { client in
                let assistant = try await client.api("/api/v1/tenant/assistant", key: keys.agent)
                #expect(assistant.json["source"] as? String == "api" && assistant.json["tone"] as? String == "warm")
                let entries = try await client.api("/api/v1/tenant/knowledge", key: keys.agent)
                #expect(entries.items.map { $0["id"] as? String } == ["cakes"], "the deleted configuration entry stays deleted")
                _ = try await client.postWebhook(apiMessage(id: "m-1", from: "cust-1", text: "Do you make birthday cakes?"), channel: "bakery-api")
                let sent = try await provider.waitForRequests(count: 1)
                #expect((try JSONSerialization.jsonObject(with: sent[0].body) as? [String: Any])?["text"] as? String == "Yes, order two days ahead.")
            }
        }
    }

    @Test func oneTenantsKnowledgeIsNeverAnothers() async throws {
        try await withAdminGateway { client, keys, _, _ in
            _ = try await client.api("/api/v1/tenant/knowledge", method: .post, key: keys.admin,
                                     body: #"{"id": "secret-recipe", "question": "What is in the sourdough?", "answer": "Flour, water, salt, time."}"#)
            #expect(try await client.api("/api/v1/tenant/knowledge", key: keys.floristAdmin).items.isEmpty)
            for method in [HTTPRequest.Method.get, .delete] {
                let response = try await client.api("/api/v1/tenant/knowledge/secret-recipe", method: method, key: keys.floristAdmin)
                #expect(response.status == .notFound)
            }
            let put = try await client.api("/api/v1/tenant/knowledge/secret-recipe", method: .put, key: keys.floristAdmin, body: #"{"question": "Q?", "answer": "A."}"#)
            #expect(put.status == .notFound)
            // The florist's own entry with the same id is its own.
            let own = try await client.api("/api/v1/tenant/knowledge", method: .post, key: keys.floristAdmin,
                                           body: #"{"id": "secret-recipe", "question": "What feeds the roses?", "answer": "Compost tea."}"#)
            #expect(own.status == .created)
            #expect(try await client.api("/api/v1/tenant/knowledge/secret-recipe", key: keys.admin).json["answer"] as? String == "Flour, water, salt, time.")
            #expect(try await client.api("/api/v1/tenant/assistant", key: keys.floristAdmin).json["handoffMessage"] as? String != "A baker will answer you here shortly.")
        }
    }

    @Test func customersAreTaggedFilteredByTagAndKeepTagsThroughAMerge() async throws {
        try await withAdminGateway { client, keys, provider, path in
            _ = try await client.postWebhook(apiMessage(id: "m-1", from: "ada-work", text: "When are you open?"), channel: "bakery-api")
            _ = try await client.postWebhook(apiMessage(id: "m-2", from: "ada-home", text: "When are you open?"), channel: "bakery-api")
            _ = try await provider.waitForRequests(count: 2)
            let work = try #require(try await client.api("/api/v1/customers?q=ada-work", key: keys.agent).items.first?["id"] as? String)
            let home = try #require(try await client.api("/api/v1/customers?q=ada-home", key: keys.agent).items.first?["id"] as? String)

            let tagged = try await client.api("/api/v1/customers/\(work)/tags", method: .put, key: keys.agent, body: #"{"tags": [" VIP ", "wholesale", "vip"]}"#)
            #expect(tagged.status == .ok && tagged.json["tags"] as? [String] == ["vip", "wholesale"])
            _ = try await client.api("/api/v1/customers/\(home)/tags", method: .put, key: keys.agent, body: #"{"tags": ["newsletter", "vip"]}"#)
            #expect(try await client.api("/api/v1/customers?tag=wholesale", key: keys.agent).items.map { $0["id"] as? String } == [work])
            #expect(Set(try await client.api("/api/v1/customers?tag=VIP", key: keys.agent).items.compactMap { $0["id"] as? String }) == [work, home])
            #expect(try await client.api("/api/v1/customers", key: keys.agent).items.first { $0["id"] as? String == home }?["tags"] as? [String] == ["newsletter", "vip"])

            let control = try await client.api("/api/v1/customers/\(work)/tags", method: .put, key: keys.agent, body: #"{"tags": ["bad\u0007tag"]}"#)
            #expect(control.status == .badRequest && control.apiErrorCode == "VALIDATION_ERROR")
            let tooMany = try await client.api("/api/v1/customers/\(work)/tags", method: .put, key: keys.agent, body: #"{"tags": [\#((1...21).map { "\"t\($0)\"" }.joined(separator: ","))]}"#)
            #expect(tooMany.status == .badRequest)
            #expect(try await client.api("/api/v1/customers/\(work)/tags", method: .put, key: keys.floristAdmin, body: #"{"tags": ["x"]}"#).status == .notFound)

            let merged = try await client.api("/api/v1/customers/\(home)/merge", method: .post, key: keys.admin, body: #"{"intoCustomerId": "\#(work)"}"#)
            #expect(merged.json["tags"] as? [String] == ["newsletter", "vip", "wholesale"])

            let audit = try await client.api("/api/v1/audit", key: keys.admin)
            let tagEntry = try #require(audit.items.first { $0["action"] as? String == "customer.tags" && $0["target"] as? String == work })
            #expect((tagEntry["details"] as? [String: Any])?["added"] as? String == "vip,wholesale")

            #expect(try await client.api("/api/v1/customers/\(work)", method: .delete, key: keys.admin).status == .noContent)
            #expect(try await rows(path, "SELECT COUNT(*) FROM customer_tags") == 0)
        }
    }

    @Test func aPathWithAnotherMethodIs405WithAllowAndAnUnknownPathIsAnAPI404() async throws {
        try await withAdminGateway { client, keys, _, _ in
            let trace = try await client.api("/api/v1/tenant", method: .trace, key: keys.admin)
            #expect(trace.status == .methodNotAllowed && trace.apiErrorCode == "METHOD_NOT_ALLOWED" && trace.headers[.allow] == "GET")
            let patch = try await client.api("/api/v1/tenant/knowledge/hours", method: .patch, key: keys.admin)
            #expect(patch.status == .methodNotAllowed && patch.headers[.allow] == "DELETE, GET, PUT")
            let post = try await client.api("/api/v1/conversations/abc", method: .post, key: keys.admin)
            #expect(post.status == .methodNotAllowed && post.headers[.allow] == "GET")
            let unknown = try await client.api("/api/v1/recipes", key: keys.admin)
            #expect(unknown.status == .notFound && unknown.apiErrorCode == "NOT_FOUND" && unknown.headers[.allow] == nil)
            #expect(try await client.api("/not-api", key: nil).status == .notFound)
            let health = try await client.api("/health", method: .trace, key: nil)
            #expect(health.status == .methodNotAllowed && health.headers[.allow] == "GET")
        }
    }
}
