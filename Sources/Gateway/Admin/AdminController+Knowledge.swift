import Brain
import Foundation
import Hummingbird

/// `/api/v1/tenant/knowledge`: the questions the business answered in advance. Reading is for
/// every key; changes are for admins, audited, and live at once: the next message is matched
/// against the new entries, and the semantic cache retires answers made from the old knowledge.
extension AdminController {
    func addKnowledgeRoutes(to api: RouterGroup<GatewayRequestContext>) {
        api.get("/tenant/knowledge") { request, context in try listKnowledge(request, context) }
        api.post("/tenant/knowledge") { request, context in try await createKnowledge(request, context) }
        api.get("/tenant/knowledge/{entryId}") { _, context in
            let key = try context.requireKey()
            let id = try knowledgeEntryID(context)
            guard let entry = try profile(of: key).knowledgeBase.first(where: { $0.id == id }) else { throw Self.knowledgeEntryNotFound }
            return try AdminJSON.response(AdminJSON.Knowledge(entry))
        }
        api.put("/tenant/knowledge/{entryId}") { request, context in try await replaceKnowledge(request, context) }
        api.delete("/tenant/knowledge/{entryId}") { _, context in
            let key = try context.requireKey(.admin)
            let id = try knowledgeEntryID(context)
            do {
                try await editor.removeKnowledgeEntry(id: id, by: key)
            } catch let error as TenantEditError {
                throw Self.apiError(error)
            }
            return Response(status: .noContent)
        }
    }

    /// The entries in their order; `q` keeps those whose question, answer or keywords contain it.
    private func listKnowledge(_ request: Request, _ context: GatewayRequestContext) throws -> Response {
        let key = try context.requireKey()
        let page = try PageRequest(request)
        var entries = try profile(of: key).knowledgeBase
        if let raw = request.uri.queryParameters["q"] {
            let query = String(raw)
            guard !query.isEmpty, query.unicodeScalars.count <= 200 else { throw AdminAPIError.validation("q", "q must be 1 to 200 characters") }
            entries = entries.filter { entry in
                ([entry.question, entry.answer] + entry.keywords + entry.examples).contains { $0.localizedCaseInsensitiveContains(query) }
            }
        }
        var start = 0
        if let parts = page.cursor {
            // The cursor is the last id shown; an entry deleted since then is found by its place.
            guard parts.count == 2, let position = Int(parts[1]), position >= 0 else {
                throw AdminAPIError.validation("cursor", "the cursor is not one this API gave out")
            }
            start = (entries.firstIndex { $0.id == parts[0] }).map { $0 + 1 } ?? min(position, entries.count)
        }
        let shown = Array(entries[start...].prefix(page.limit))
        let next = start + shown.count < entries.count ? shown.last.map { PageRequest.encode([$0.id, "\(start + shown.count)"]) } : nil
        return try AdminJSON.response(AdminJSON.Page(data: shown.map(AdminJSON.Knowledge.init), nextCursor: next))
    }

    private func createKnowledge(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey(.admin)
        let body = try await AdminRequestBody.decode(AdminJSON.KnowledgeWrite.self, from: request)
        let id = try body.id.map { id in
            guard ConfigurationLoader.isIdentifier(id) else { throw AdminAPIError.validation("id", "id must be 1 to 64 letters, digits, '-' or '_'") }
            return id
        } ?? "kb_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let entry = try validate(body, id: id)
        do {
            return try AdminJSON.response(AdminJSON.Knowledge(try await editor.addKnowledgeEntry(entry, by: key)), status: .created)
        } catch let error as TenantEditError {
            throw Self.apiError(error)
        }
    }

    private func replaceKnowledge(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey(.admin)
        let id = try knowledgeEntryID(context)
        let body = try await AdminRequestBody.decode(AdminJSON.KnowledgeWrite.self, from: request)
        if let given = body.id, given != id {
            throw AdminAPIError.validation("id", "the id in the body must be the one in the path (or be left out)")
        }
        let entry = try validate(body, id: id)
        do {
            return try AdminJSON.response(AdminJSON.Knowledge(try await editor.replaceKnowledgeEntry(entry, by: key)))
        } catch let error as TenantEditError {
            throw Self.apiError(error)
        }
    }

    private func validate(_ body: AdminJSON.KnowledgeWrite, id: String) throws -> KnowledgeEntry {
        let question = try AdminRequestBody.text(body.question, field: "question", max: 500)
        let answer = try AdminRequestBody.text(body.answer, field: "answer", max: 4000)
        let keywords = body.keywords ?? []
        guard keywords.count <= 30 else { throw AdminAPIError.validation("keywords", "at most 30 keywords") }
        for (index, keyword) in keywords.enumerated() {
            _ = try AdminRequestBody.text(keyword, field: "keywords[\(index)]", max: 100)
        }
        let examples = body.examples ?? []
        guard examples.count <= 50 else { throw AdminAPIError.validation("examples", "at most 50 examples") }
        for (index, example) in examples.enumerated() {
            _ = try AdminRequestBody.text(example, field: "examples[\(index)]", max: 500)
        }
        return KnowledgeEntry(id: id, question: question, answer: answer, keywords: keywords, examples: examples)
    }

    func profile(of key: APIKeyRecord) throws -> TenantProfile {
        guard let profile = tenants[key.tenantID] else { throw Self.tenantGone }
        return profile
    }

    func knowledgeEntryID(_ context: GatewayRequestContext) throws -> String {
        // Any id that cannot exist is simply not found.
        guard let id = context.parameters.get("entryId"), (1...200).contains(id.count) else {
            throw AdminAPIError.validation("entryId", "entryId must be 1 to 200 characters")
        }
        return id
    }

    static let knowledgeEntryNotFound = AdminAPIError(.notFound, "no such knowledge-base entry")
}
