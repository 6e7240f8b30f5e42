import Brain
import Foundation

extension AdminJSON {
    /// The assistant as GET returns it: what PUT takes, and where it comes from.
    struct Assistant: Encodable {
        var persona: String
        var tone: String
        var language: String
        var handoffMessage: String
        var unansweredMessage: String
        var fallbackMessage: String
        var matchThreshold: Double
        var handoffAfterUnanswered: Int
        @Nullable var model: AssistantModel?
        /// Changes when anything answers are made from changes (persona, tone, language,
        /// knowledge base); cached answers are keyed by it.
        var knowledgeVersion: String
        /// `configuration` until an admin edits it, then `api`.
        var source: String
        @Nullable var updatedAt: String?

        init(_ profile: TenantProfile, updatedAt: Date?) {
            let assistant = profile.assistant
            persona = assistant.persona
            tone = assistant.tone
            language = assistant.language
            handoffMessage = assistant.handoffMessage
            unansweredMessage = assistant.unansweredMessage
            fallbackMessage = assistant.fallbackMessage
            matchThreshold = assistant.matchThreshold
            handoffAfterUnanswered = assistant.handoffAfterUnanswered
            model = profile.modelPolicy.map { AssistantModel(enabled: $0.isEnabled, model: $0.forcedModelID, maxTokens: $0.maxTokens) }
            knowledgeVersion = profile.knowledgeVersion
            source = updatedAt == nil ? "configuration" : "api"
            self.updatedAt = updatedAt.map(AdminJSON.timestamp)
        }
    }

    /// Which model the assistant may use; null (the whole object) follows the gateway's `llm`.
    struct AssistantModel: Codable {
        var enabled: Bool
        @Nullable var model: String?
        @Nullable var maxTokens: Int?
    }

    /// The body of PUT /tenant/assistant.
    struct AssistantUpdate: Decodable {
        var persona: String
        var tone: String
        var language: String
        var handoffMessage: String
        var unansweredMessage: String
        var fallbackMessage: String
        var matchThreshold: Double
        var handoffAfterUnanswered: Int
        var model: AssistantModel?
    }

    /// A knowledge-base entry.
    struct Knowledge: Encodable {
        var id: String
        var question: String
        var answer: String
        var keywords: [String]
        var examples: [String]

        init(_ entry: KnowledgeEntry) {
            id = entry.id
            question = entry.question
            answer = entry.answer
            keywords = entry.keywords
            examples = entry.examples
        }
    }

    /// The body of POST /tenant/knowledge (`id` optional) and PUT /tenant/knowledge/{id} (no `id`).
    struct KnowledgeWrite: Decodable {
        var id: String?
        var question: String
        var answer: String
        var keywords: [String]?
        var examples: [String]?
    }
}
