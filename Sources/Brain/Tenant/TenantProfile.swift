/// A business using the gateway: its assistant, knowledge, limits and budget.
public struct TenantProfile: Sendable, Hashable {
    public var id: String
    public var name: String
    public var assistant: AssistantProfile
    public var knowledgeBase: [KnowledgeEntry]
    public var limits: TenantLimits
    public var budget: TenantBudget
    /// The region for phone numbers written in national format (ISO 3166 alpha-2, e.g. `US`).
    public var defaultRegion: String
    /// Which model the tenant's assistant may use; nil follows the gateway's `llm` settings.
    public var modelPolicy: TenantModelPolicy?

    public init(
        id: String,
        name: String,
        assistant: AssistantProfile = AssistantProfile(),
        knowledgeBase: [KnowledgeEntry] = [],
        limits: TenantLimits = TenantLimits(),
        budget: TenantBudget = TenantBudget(),
        defaultRegion: String = "US",
        modelPolicy: TenantModelPolicy? = nil
    ) {
        self.id = id
        self.name = name
        self.assistant = assistant
        self.knowledgeBase = knowledgeBase
        self.limits = limits
        self.budget = budget
        self.defaultRegion = defaultRegion
        self.modelPolicy = modelPolicy
    }
}

/// How the tenant's assistant presents itself, and the words it uses when it cannot help.
public struct AssistantProfile: Sendable, Hashable {
    /// Who the assistant is ("the front desk of Bella's Bakery").
    public var persona: String
    /// How it speaks ("friendly", "formal").
    public var tone: String
    /// The language it answers in (BCP 47, e.g. `en`).
    public var language: String
    /// What the customer is told when the conversation goes to a human.
    public var handoffMessage: String
    /// How close a question must be to a knowledge-base entry to be answered from it (0…1).
    public var matchThreshold: Double
    /// What the customer is told when the assistant cannot answer (before it hands off).
    public var unansweredMessage: String
    /// What the customer is told when the model is too slow for the channel (voice).
    public var fallbackMessage: String
    /// Consecutive unanswered questions after which the conversation goes to a human.
    public var handoffAfterUnanswered: Int

    public init(
        persona: String = "a helpful assistant",
        tone: String = "friendly",
        language: String = "en",
        handoffMessage: String = "I'm not sure about that one, so I've passed your message to a colleague who will get back to you here.",
        matchThreshold: Double = 0.41,
        unansweredMessage: String = "I'm sorry, I don't know the answer to that. Could you put it another way, or ask to talk to a person?",
        fallbackMessage: String = "Sorry, I couldn't look that up just now. Could you ask me again in a moment?",
        handoffAfterUnanswered: Int = 2
    ) {
        self.persona = persona
        self.tone = tone
        self.language = language
        self.handoffMessage = handoffMessage
        self.matchThreshold = matchThreshold
        self.unansweredMessage = unansweredMessage
        self.fallbackMessage = fallbackMessage
        self.handoffAfterUnanswered = handoffAfterUnanswered
    }
}

/// One question the business has answered in advance.
public struct KnowledgeEntry: Sendable, Hashable, Codable {
    /// A stable id, used to say which entry answered.
    public var id: String
    /// The question as customers would ask it.
    public var question: String
    /// The answer to send.
    public var answer: String
    /// Extra words or phrases that mark a question as this one ("opening hours", "open"): they
    /// count as words the entry covers.
    public var keywords: [String]
    /// Other ways customers ask this question ("when do you open", "are you open on sundays"):
    /// matched like the question itself.
    public var examples: [String]

    public init(id: String, question: String, answer: String, keywords: [String] = [], examples: [String] = []) {
        self.id = id
        self.question = question
        self.answer = answer
        self.keywords = keywords
        self.examples = examples
    }

    private enum CodingKeys: String, CodingKey { case id, question, answer, keywords, examples }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        question = try container.decode(String.self, forKey: .question)
        answer = try container.decode(String.self, forKey: .answer)
        keywords = try container.decodeIfPresent([String].self, forKey: .keywords) ?? []
        examples = try container.decodeIfPresent([String].self, forKey: .examples) ?? []
    }
}
