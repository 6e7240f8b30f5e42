import ChannelKitTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import Gateway

/// The knowledge base learns from people: an agent's reply that gives an entry's answer to a
/// question the assistant could not answer teaches the question; the next customer asking it
/// gets the answer from the assistant; admins mark and remove phrasings; all of it audited.
@Suite struct AdminPhrasingTests {
    static func sentText(_ request: FakeProvider.RecordedRequest) throws -> String? {
        (try JSONSerialization.jsonObject(with: request.body) as? [String: Any])?["text"] as? String
    }

    @Test func anAgentsReplyWithAnEntrysAnswerTeachesTheQuestion() async throws {
        try await withAdminGateway { client, keys, provider, _ in
            // The words-only knowledge base (no model in these tests) does not know "shut".
            _ = try await client.postWebhook(apiMessage(id: "m-1", from: "cust-1", text: "what time do you shut on tuesdays?"), channel: "bakery-api")
            var sent = try await provider.waitForRequests(count: 1)
            #expect(try Self.sentText(sent[0]) == "A baker will answer you here shortly.")
            let conversation = try #require(try await client.api("/api/v1/conversations", key: keys.agent).items.first?["id"] as? String)

            let reply = try await client.api("/api/v1/conversations/\(conversation)/reply", method: .post, key: keys.agent,
                                             body: #"{"text": "Hi! We're open Tuesday to Sunday, 7am to 6pm."}"#)
            #expect(reply.status == .accepted)
            let learned = try await client.api("/api/v1/tenant/knowledge/hours/phrasings", key: keys.agent)
            #expect(learned.status == .ok)
            let phrasing = try #require(learned.items.first)
            #expect(learned.items.count == 1)
            #expect(phrasing["text"] as? String == "what time do you shut on tuesdays?" && phrasing["source"] as? String == "agent_reply")
            #expect(phrasing["learnedBy"] as? String == "Sam" && phrasing["messageId"] is String && phrasing["entryId"] as? String == "hours")

            // Another customer, the same question in other words of the same kind: answered.
            _ = try await client.postWebhook(apiMessage(id: "m-2", from: "cust-2", text: "What time do you shut on Tuesday?"), channel: "bakery-api")
            sent = try await provider.waitForRequests(count: 3)
            #expect(try Self.sentText(sent[2]) == "Tuesday to Sunday, 7am to 6pm.")

            let audit = try await client.api("/api/v1/audit", key: keys.admin)
            let entry = try #require(audit.items.first { $0["action"] as? String == "knowledge.phrasing.learn" })
            #expect(entry["target"] as? String == phrasing["id"] as? String)
            #expect((entry["details"] as? [String: Any])?["source"] as? String == "agent_reply")

            // Removed, it answers no more.
            let id = try #require(phrasing["id"] as? String)
            #expect(try await client.api("/api/v1/tenant/knowledge/hours/phrasings/\(id)", method: .delete, key: keys.agent).status == .forbidden)
            #expect(try await client.api("/api/v1/tenant/knowledge/hours/phrasings/\(id)", method: .delete, key: keys.admin).status == .noContent)
            #expect(try await client.api("/api/v1/tenant/knowledge/hours/phrasings/\(id)", method: .delete, key: keys.admin).status == .notFound)
            _ = try await client.postWebhook(apiMessage(id: "m-3", from: "cust-3", text: "What time do you shut on Tuesday?"), channel: "bakery-api")
            sent = try await provider.waitForRequests(count: 4)
            #expect(try Self.sentText(sent[3]) == "A baker will answer you here shortly.")
            #expect(try await client.api("/api/v1/audit", key: keys.admin).items.first?["action"] as? String == "knowledge.phrasing.remove")
        }
    }

    @Test func aReplyThatIsNotAnEntrysAnswerOrAPersonalQuestionTeachesNothing() async throws {
        try await withAdminGateway { client, keys, provider, _ in
            _ = try await client.postWebhook(apiMessage(id: "m-1", from: "cust-1", text: "what time do you shut on tuesdays?"), channel: "bakery-api")
            _ = try await provider.waitForRequests(count: 1)
            let first = try #require(try await client.api("/api/v1/conversations", key: keys.agent).items.first?["id"] as? String)
            _ = try await client.api("/api/v1/conversations/\(first)/reply", method: .post, key: keys.agent, body: #"{"text": "Around six, I think."}"#)

            _ = try await client.postWebhook(apiMessage(id: "m-2", from: "cust-2", text: "is my order ready for pickup at opening on tuesday?"), channel: "bakery-api")
            _ = try await provider.waitForRequests(count: 3)
            let conversations = try await client.api("/api/v1/conversations", key: keys.agent).items.compactMap { $0["id"] as? String }
            let second = try #require(conversations.first { $0 != first })
            _ = try await client.api("/api/v1/conversations/\(second)/reply", method: .post, key: keys.agent, body: #"{"text": "Tuesday to Sunday, 7am to 6pm."}"#)
            #expect(try await client.api("/api/v1/tenant/knowledge/hours/phrasings", key: keys.agent).items.isEmpty)
        }
    }

    @Test func anAdminMarksAQuestionAndTheAPIRefusesWhatCannotBeLearned() async throws {
        try await withAdminGateway { client, keys, provider, _ in
            let body = #"{"text": "are you open for breakfast"}"#
            #expect(try await client.api("/api/v1/tenant/knowledge/hours/phrasings", method: .post, key: keys.agent, body: body).status == .forbidden)
            #expect(try await client.api("/api/v1/tenant/knowledge/nope/phrasings", method: .post, key: keys.admin, body: body).status == .notFound)
            let personal = try await client.api("/api/v1/tenant/knowledge/hours/phrasings", method: .post, key: keys.admin,
                                                body: #"{"text": "where is my order?"}"#)
            #expect(personal.status == .badRequest && personal.apiErrorCode == "VALIDATION_ERROR")
            let blank = try await client.api("/api/v1/tenant/knowledge/hours/phrasings", method: .post, key: keys.admin, body: #"{"text": "  "}"#)
            #expect(blank.status == .badRequest)
            // Another tenant's key sees no entry of the bakery's.
            #expect(try await client.api("/api/v1/tenant/knowledge/hours/phrasings", key: keys.floristAdmin).status == .notFound)

            let marked = try await client.api("/api/v1/tenant/knowledge/hours/phrasings", method: .post, key: keys.admin, body: body)
            #expect(marked.status == .created && marked.json["source"] as? String == "marked" && marked.json["messageId"] is NSNull)
            let again = try await client.api("/api/v1/tenant/knowledge/hours/phrasings", method: .post, key: keys.admin, body: body)
            #expect(again.json["id"] as? String == marked.json["id"] as? String, "the same text is one phrasing")

            _ = try await client.postWebhook(apiMessage(id: "m-1", from: "cust-1", text: "Are you open for breakfast?"), channel: "bakery-api")
            let sent = try await provider.waitForRequests(count: 1)
            #expect(try Self.sentText(sent[0]) == "Tuesday to Sunday, 7am to 6pm.")
        }
    }
}
