import Brain
import Foundation
import Hummingbird

/// `/api/v1/tenant/knowledge/{entryId}/phrasings`: the questions people taught an entry
/// (``KnowledgeTeacher``). Reading is for every key; teaching and removing are for admins,
/// audited, and live with the next message. Agents teach by answering: a reply that gives an
/// entry's answer to a question the assistant had not answered teaches that question.
extension AdminController {
    func addPhrasingRoutes(to api: RouterGroup<GatewayRequestContext>) {
        api.get("/tenant/knowledge/{entryId}/phrasings") { _, context in
            let key = try context.requireKey()
            let entryID = try existingEntryID(context, key: key)
            let phrasings = try await store.learnedPhrasings(tenantID: key.tenantID, entryID: entryID)
            return try AdminJSON.response(AdminJSON.Page(data: phrasings.map(AdminJSON.Phrasing.init), nextCursor: nil))
        }
        api.post("/tenant/knowledge/{entryId}/phrasings") { request, context in
            let key = try context.requireKey(.admin)
            let entryID = try existingEntryID(context, key: key)
            let body = try await AdminRequestBody.decode(AdminJSON.PhrasingWrite.self, from: request)
            let text = try AdminRequestBody.text(body.text, field: "text", max: 500)
            // An admin decides what is generic; only a status question is never an entry's.
            if let marker = KnowledgeTeacher.statusMarker(text) {
                throw AdminAPIError.validation("text", "the question is about the customer's own affairs (\(marker))")
            }
            do {
                let phrasing = try await teacher.mark(text, entryID: entryID, tenant: try profile(of: key), by: key)
                return try AdminJSON.response(AdminJSON.Phrasing(phrasing), status: .created)
            } catch let error as TenantEditError {
                throw Self.apiError(error)
            }
        }
        api.delete("/tenant/knowledge/{entryId}/phrasings/{phrasingId}") { _, context in
            let key = try context.requireKey(.admin)
            let entryID = try existingEntryID(context, key: key)
            guard let id = context.parameters.get("phrasingId"), (1...200).contains(id.count) else {
                throw AdminAPIError.validation("phrasingId", "phrasingId must be 1 to 200 characters")
            }
            guard try await teacher.remove(id: id, entryID: entryID, by: key) != nil else {
                throw AdminAPIError(.notFound, "no such phrasing of this entry")
            }
            return Response(status: .noContent)
        }
    }

    /// The path's entry id, when the key's tenant has such an entry.
    private func existingEntryID(_ context: GatewayRequestContext, key: APIKeyRecord) throws -> String {
        let id = try knowledgeEntryID(context)
        guard try profile(of: key).knowledgeBase.contains(where: { $0.id == id }) else { throw Self.knowledgeEntryNotFound }
        return id
    }
}

extension AdminJSON {
    /// A learned phrasing.
    struct Phrasing: Encodable {
        var id: String
        var entryId: String
        var text: String
        var source: String
        @Nullable var messageId: String?
        var learnedBy: String
        var createdAt: String

        init(_ phrasing: LearnedPhrasing) {
            id = phrasing.id
            entryId = phrasing.entryID
            text = phrasing.text
            source = phrasing.source.rawValue
            messageId = phrasing.messageID
            learnedBy = phrasing.learnedBy
            createdAt = AdminJSON.timestamp(phrasing.createdAt)
        }
    }

    /// The body of POST /tenant/knowledge/{id}/phrasings.
    struct PhrasingWrite: Decodable {
        var text: String
    }
}
