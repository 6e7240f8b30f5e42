import Brain
import Foundation
import Hummingbird

/// `/api/v1/tenant/assistant`: how the tenant's assistant speaks, what it says when it hands
/// over, and which model it may use. Reading is for every key; changing it is for admins, is
/// audited, and takes effect with the next message (the semantic cache's answers made from the
/// old persona are retired).
extension AdminController {
    func addAssistantRoutes(to api: RouterGroup<GatewayRequestContext>) {
        api.get("/tenant/assistant") { _, context in
            let key = try context.requireKey()
            return try await assistantResponse(tenantID: key.tenantID)
        }
        api.put("/tenant/assistant") { request, context in try await updateAssistant(request, context) }
    }

    private func updateAssistant(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey(.admin)
        let body = try await AdminRequestBody.decode(AdminJSON.AssistantUpdate.self, from: request)
        let assistant = try validate(body)
        do {
            _ = try await editor.updateAssistant(assistant, by: key)
        } catch let error as TenantEditError {
            throw Self.apiError(error)
        }
        context.logger.info("assistant updated", metadata: ["tenant": "\(key.tenantID)", "key": "\(key.id)"])
        return try await assistantResponse(tenantID: key.tenantID)
    }

    private func assistantResponse(tenantID: String) async throws -> Response {
        guard let profile = tenants[tenantID] else { throw Self.tenantGone }
        let stored = try await store.storedTenantSettings(tenantID: tenantID)
        return try AdminJSON.response(AdminJSON.Assistant(profile, updatedAt: stored?.assistantUpdatedAt))
    }

    private func validate(_ body: AdminJSON.AssistantUpdate) throws -> StoredAssistant {
        guard Self.isLanguageTag(body.language) else {
            throw AdminAPIError.validation("language", "language must be a BCP 47 tag such as en, es or pt-BR")
        }
        guard (0.05...1).contains(body.matchThreshold) else {
            throw AdminAPIError.validation("matchThreshold", "matchThreshold must be from 0.05 to 1")
        }
        guard (1...20).contains(body.handoffAfterUnanswered) else {
            throw AdminAPIError.validation("handoffAfterUnanswered", "handoffAfterUnanswered must be from 1 to 20")
        }
        let profile = AssistantProfile(
            persona: try AdminRequestBody.text(body.persona, field: "persona", max: 2000),
            tone: try AdminRequestBody.text(body.tone, field: "tone", max: 200),
            language: body.language,
            handoffMessage: try AdminRequestBody.text(body.handoffMessage, field: "handoffMessage", max: 1000),
            matchThreshold: body.matchThreshold,
            unansweredMessage: try AdminRequestBody.text(body.unansweredMessage, field: "unansweredMessage", max: 1000),
            fallbackMessage: try AdminRequestBody.text(body.fallbackMessage, field: "fallbackMessage", max: 1000),
            handoffAfterUnanswered: body.handoffAfterUnanswered
        )
        var policy: TenantModelPolicy?
        if let model = body.model {
            if let id = model.model {
                guard let known = modelIDs, known.contains(id) else {
                    let list = (modelIDs ?? []).sorted().joined(separator: ", ")
                    throw AdminAPIError.validation(
                        "model.model",
                        list.isEmpty ? "no language model is configured (llm.models in the configuration), so none can be chosen"
                            : "model.model must be one of the configured models: \(list)"
                    )
                }
            }
            if let tokens = model.maxTokens, !(1...1_000_000).contains(tokens) {
                throw AdminAPIError.validation("model.maxTokens", "model.maxTokens must be from 1 to 1000000")
            }
            policy = TenantModelPolicy(isEnabled: model.enabled, forcedModelID: model.model, maxTokens: model.maxTokens)
        }
        return StoredAssistant(profile: profile, modelPolicy: policy)
    }

    /// A BCP 47 language tag, loosely: a 2–3 letter language and up to four subtags of 1–8
    /// letters or digits (`en`, `pt-BR`, `zh-Hant-TW`).
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
              language.allSatisfy({ $0.isASCII && $0.isLetter }), parts.count <= 5 else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    static let tenantGone = AdminAPIError(.notFound, "the key's tenant is no longer configured")

    static func apiError(_ error: TenantEditError) -> AdminAPIError {
        switch error {
        case .unknownTenant: tenantGone
        case .entryExists(let id): AdminAPIError(.conflict, "the knowledge base has an entry with id \"\(id)\" already")
        case .noSuchEntry: knowledgeEntryNotFound
        case .knowledgeBaseFull(let limit): AdminAPIError(.conflict, "the knowledge base holds its maximum of \(limit) entries")
        }
    }
}
