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

    public init(
        id: String,
        name: String,
        assistant: AssistantProfile = AssistantProfile(),
        knowledgeBase: [KnowledgeEntry] = [],
        limits: TenantLimits = TenantLimits(),
        budget: TenantBudget = TenantBudget(),
        defaultRegion: String = "US"
    ) {
        self.id = id
        self.name = name
        self.assistant = assistant
        self.knowledgeBase = knowledgeBase
        self.limits = limits
        self.budget = budget
        self.defaultRegion = defaultRegion
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

    public init(
        persona: String = "a helpful assistant",
        tone: String = "friendly",
        language: String = "en",
        handoffMessage: String = "I'm not sure about that one, so I've passed your message to a colleague who will get back to you here.",
        matchThreshold: Double = 0.5
    ) {
        self.persona = persona
        self.tone = tone
        self.language = language
        self.handoffMessage = handoffMessage
        self.matchThreshold = matchThreshold
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
    /// Extra words or phrases that mark a question as this one ("opening hours", "open").
    public var keywords: [String]

    public init(id: String, question: String, answer: String, keywords: [String] = []) {
        self.id = id
        self.question = question
        self.answer = answer
        self.keywords = keywords
    }
}

/// Per-tenant limits. Read from configuration now; enforced by the guards stage.
public struct TenantLimits: Sendable, Hashable {
    public var customerDailyMessages: Int
    public var customerDailyCalls: Int
    public var unknownSenderPerIPPerMinute: Int

    public init(customerDailyMessages: Int = 200, customerDailyCalls: Int = 10, unknownSenderPerIPPerMinute: Int = 30) {
        self.customerDailyMessages = customerDailyMessages
        self.customerDailyCalls = customerDailyCalls
        self.unknownSenderPerIPPerMinute = unknownSenderPerIPPerMinute
    }
}

/// The tenant's monthly spending limit. Read from configuration now; enforced by the budget stage.
public struct TenantBudget: Sendable, Hashable {
    public var monthlyLimit: Double
    public var currency: String

    public init(monthlyLimit: Double = 50, currency: String = "USD") {
        self.monthlyLimit = monthlyLimit
        self.currency = currency
    }
}
