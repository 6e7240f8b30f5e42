import Brain
import ChannelKit
import Foundation
import Hummingbird
import Logging

/// `/api/v1`: the admin API for businesses and human agents (docs/ADMIN_API.md). Every route
/// is scoped to the tenant of the request's API key; another tenant's resources are 404.
struct AdminController: Sendable {
    let store: SQLiteStore
    let tenants: TenantDirectory
    let channels: ChannelRegistry
    let outboxSignal: WorkSignal
    /// Paused channels, shared with the outbound dispatcher.
    let pauses: ChannelPauses
    /// The customer memory, told when a customer is erased.
    let memory: SemanticMemory?
    /// The tenants' budgets, for analytics.
    let ledger: BudgetLedger
    /// Requests per minute each key may make.
    let requestsPerMinute: Int
    /// Changes the tenants' assistants and knowledge bases.
    let editor: TenantEditor
    /// Learns phrasings of knowledge-base entries from agents' replies and admins.
    let teacher: KnowledgeTeacher
    /// The ids of the configured language models (nil without an `llm` section), which an
    /// assistant may be set to use.
    let modelIDs: Set<String>?

    func addRoutes(to router: Router<GatewayRequestContext>) {
        let api = router.group("/api/v1")
            .add(middleware: AdminAuthenticator(store: store, limiter: MessageRateLimiter(), requestsPerMinute: requestsPerMinute))
        api.get("/tenant") { _, context in try tenant(context) }
        api.get("/conversations") { request, context in try await listConversations(request, context) }
        api.get("/conversations/{conversationId}") { _, context in try await conversation(context) }
        api.get("/conversations/{conversationId}/messages") { request, context in try await messages(request, context) }
        api.post("/conversations/{conversationId}/takeover") { _, context in
            try await act(context) { id, key in try await store.takeOver(conversationID: id, by: key) }
        }
        api.post("/conversations/{conversationId}/handback") { _, context in
            try await act(context) { id, key in try await store.handBack(conversationID: id, by: key) }
        }
        api.post("/conversations/{conversationId}/close") { _, context in
            try await act(context) { id, key in try await store.close(conversationID: id, by: key) }
        }
        api.post("/conversations/{conversationId}/reply") { request, context in try await reply(request, context) }
        api.get("/audit") { request, context in try await audit(request, context) }
        addChannelRoutes(to: api)
        addCustomerRoutes(to: api)
        addAnalyticsRoutes(to: api)
        addAssistantRoutes(to: api)
        addKnowledgeRoutes(to: api)
        addPhrasingRoutes(to: api)
    }

    private func tenant(_ context: GatewayRequestContext) throws -> Response {
        let key = try context.requireKey()
        guard let profile = tenants[key.tenantID] else { throw Self.tenantGone }
        return try AdminJSON.response(AdminJSON.Tenant(
            id: profile.id, name: profile.name, defaultRegion: profile.defaultRegion, language: profile.assistant.language
        ))
    }

    private func listConversations(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey()
        let page = try PageRequest(request)
        let query = request.uri.queryParameters
        var filter = ConversationFilter()
        if let raw = query["status"] {
            guard let status = ConversationStatus(rawValue: String(raw)) else {
                throw AdminAPIError.validation("status", "status must be assistant, waiting, assigned or closed")
            }
            filter.status = status
        }
        if let raw = query["owner"] {
            guard let owner = ConversationFilter.Owner(rawValue: String(raw)) else {
                throw AdminAPIError.validation("owner", "owner must be assistant or human")
            }
            filter.owner = owner
        }
        if let raw = query["channelId"] {
            guard !raw.isEmpty, raw.count <= 200 else { throw AdminAPIError.validation("channelId", "channelId must be 1 to 200 characters") }
            filter.channelID = String(raw)
        }
        var cursor: (Date, String)?
        if let parts = page.cursor {
            guard parts.count == 2, let millis = Int64(parts[0]) else {
                throw AdminAPIError.validation("cursor", "the cursor is not one this API gave out")
            }
            cursor = (Date(timeIntervalSince1970: Double(millis) / 1000), parts[1])
        }
        let records = try await store.conversations(tenantID: key.tenantID, filter: filter, after: cursor, limit: page.limit + 1)
        let shown = Array(records.prefix(page.limit))
        let next = records.count > page.limit ? shown.last.map { PageRequest.encode(["\(Int64(($0.updatedAt.timeIntervalSince1970 * 1000).rounded()))", $0.id]) } : nil
        return try AdminJSON.response(AdminJSON.Page(data: shown.map(represent), nextCursor: next))
    }

    private func conversation(_ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey()
        let id = try conversationID(context)
        guard let record = try await store.conversation(id: id, tenantID: key.tenantID) else { throw AdminAPIError.conversationNotFound }
        return try AdminJSON.response(represent(record))
    }

    private func messages(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey()
        let id = try conversationID(context)
        let page = try PageRequest(request)
        var after: Int64?
        if let parts = page.cursor {
            guard parts.count == 1, let rowID = Int64(parts[0]) else {
                throw AdminAPIError.validation("cursor", "the cursor is not one this API gave out")
            }
            after = rowID
        }
        guard let rows = try await store.messages(tenantID: key.tenantID, conversationID: id, afterRowID: after, limit: page.limit + 1) else {
            throw AdminAPIError.conversationNotFound
        }
        let shown = Array(rows.prefix(page.limit))
        let next = rows.count > page.limit ? shown.last.map { PageRequest.encode(["\($0.rowID)"]) } : nil
        return try AdminJSON.response(AdminJSON.Page(data: shown.map { AdminJSON.Message($0.message) }, nextCursor: next))
    }

    private func act(
        _ context: GatewayRequestContext, _ action: (String, APIKeyRecord) async throws -> ConversationRecord
    ) async throws -> Response {
        let key = try context.requireKey()
        let id = try conversationID(context)
        do {
            return try AdminJSON.response(represent(try await action(id, key)))
        } catch let error as AgentActionError {
            throw Self.apiError(error)
        }
    }

    private func reply(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey()
        let id = try conversationID(context)
        let body: AdminJSON.ReplyRequest
        do {
            body = try JSONDecoder().decode(AdminJSON.ReplyRequest.self, from: try await request.body.collect(upTo: 64 * 1024))
        } catch {
            throw AdminAPIError.validation("text", "the body must be a JSON object with a string \"text\"")
        }
        let text = body.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.unicodeScalars.count <= 4000 else {
            throw AdminAPIError.validation("text", "text must be 1 to 4000 characters, not only spaces")
        }
        do {
            let (message, conversation) = try await store.queueAgentReply(conversationID: id, text: text, by: key)
            outboxSignal.notify()
            context.logger.info("agent reply queued", metadata: ["conversation": "\(id)", "message": "\(message.id)"])
            if let tenant = tenants[key.tenantID] {
                await teacher.agentReplied(text, conversationID: id, tenant: tenant, by: key)
            }
            return try AdminJSON.response(AdminJSON.ReplyResult(message: AdminJSON.Message(message), conversation: represent(conversation)), status: .accepted)
        } catch let error as AgentActionError {
            throw Self.apiError(error)
        }
    }

    private func audit(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey(.admin)
        let page = try PageRequest(request)
        var before: Int64?
        if let parts = page.cursor {
            guard parts.count == 1, let id = Int64(parts[0]) else {
                throw AdminAPIError.validation("cursor", "the cursor is not one this API gave out")
            }
            before = id
        }
        let entries = try await store.auditEntries(tenantID: key.tenantID, before: before, limit: page.limit + 1)
        let shown = Array(entries.prefix(page.limit))
        let next = entries.count > page.limit ? shown.last.map { PageRequest.encode(["\($0.id)"]) } : nil
        return try AdminJSON.response(AdminJSON.Page(data: shown.map(AdminJSON.AuditEntry.init), nextCursor: next))
    }

    private func conversationID(_ context: GatewayRequestContext) throws -> String {
        guard let id = context.parameters.get("conversationId"), !id.isEmpty, id.count <= 200 else {
            throw AdminAPIError.validation("conversationId", "conversationId must be 1 to 200 characters")
        }
        return id
    }

    private func represent(_ record: ConversationRecord) -> AdminJSON.Conversation {
        AdminJSON.Conversation(record, kind: channels[record.channelID]?.ref.kind)
    }

    private static func apiError(_ error: AgentActionError) -> AdminAPIError {
        switch error {
        case .notFound: .conversationNotFound
        case .closed: AdminAPIError(.conflict, "the conversation is closed")
        case .noAddress: AdminAPIError(.conflict, "the conversation has no customer message to reply to")
        }
    }
}
