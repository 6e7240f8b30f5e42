import ChannelKit

/// Everything the LLM responder needs to know: where the models are, which to use when, how long
/// each channel can wait, and how hard to try.
///
/// ```swift
/// let settings = LLMSettings(
///     endpoints: [LLMEndpoint(id: "openai", baseURL: "https://api.openai.com/v1", apiKey: key)],
///     models: [
///         LLMModel(id: "fast", endpointID: "openai", name: "gpt-4o-mini", inputPricePerMillion: 0.15, outputPricePerMillion: 0.6),
///         LLMModel(id: "smart", endpointID: "openai", name: "gpt-4o", tier: .strong, inputPricePerMillion: 2.5, outputPricePerMillion: 10),
///     ],
///     cheapModelID: "fast", strongModelID: "smart", fallbackModelIDs: ["fast"]
/// )
/// ```
public struct LLMSettings: Sendable, Hashable {
    /// The default time budgets: a caller on the phone cannot wait, an SMS can.
    public static let standardTimeBudgets: [ChannelKind: Duration] = [.voice: .seconds(4), .sms: .seconds(20)]

    public var endpoints: [LLMEndpoint]
    public var models: [LLMModel]
    /// The model for simple questions; nil means the first `cheap`-tier model (else the first model).
    public var cheapModelID: String?
    /// The model for complex questions; nil means the first `strong`-tier model (else the cheap one).
    public var strongModelID: String?
    /// The models tried, in order, after the chosen one fails.
    public var fallbackModelIDs: [String]
    /// How long a channel kind may wait for an answer, across the whole fallback chain.
    public var timeBudgets: [ChannelKind: Duration]
    /// The time budget of channel kinds not in ``timeBudgets``.
    public var defaultTimeBudget: Duration
    /// How many times one model is retried after a 429, 5xx, timeout or network failure.
    public var retryCount: Int
    /// The first retry's wait; it doubles with each retry (with jitter), never shorter than the
    /// server's `Retry-After`, and a retry that would end past the time budget is not made.
    public var retryBaseDelay: Duration
    /// Consecutive failures after which an endpoint's circuit opens.
    public var breakerFailureThreshold: Int
    /// How long an open circuit stays open before one trial call is let through.
    public var breakerCooldown: Duration
    /// Each tenant's policy by tenant id; tenants not listed get the default policy.
    public var tenantPolicies: [String: TenantModelPolicy]

    public init(
        endpoints: [LLMEndpoint] = [],
        models: [LLMModel] = [],
        cheapModelID: String? = nil,
        strongModelID: String? = nil,
        fallbackModelIDs: [String] = [],
        timeBudgets: [ChannelKind: Duration] = LLMSettings.standardTimeBudgets,
        defaultTimeBudget: Duration = .seconds(30),
        retryCount: Int = 2,
        retryBaseDelay: Duration = .milliseconds(200),
        breakerFailureThreshold: Int = 5,
        breakerCooldown: Duration = .seconds(30),
        tenantPolicies: [String: TenantModelPolicy] = [:]
    ) {
        self.endpoints = endpoints
        self.models = models
        self.cheapModelID = cheapModelID
        self.strongModelID = strongModelID
        self.fallbackModelIDs = fallbackModelIDs
        self.timeBudgets = timeBudgets
        self.defaultTimeBudget = defaultTimeBudget
        self.retryCount = retryCount
        self.retryBaseDelay = retryBaseDelay
        self.breakerFailureThreshold = breakerFailureThreshold
        self.breakerCooldown = breakerCooldown
        self.tenantPolicies = tenantPolicies
    }

    public func endpoint(id: String) -> LLMEndpoint? {
        endpoints.first { $0.id == id }
    }

    public func model(id: String) -> LLMModel? {
        models.first { $0.id == id }
    }

    /// The model for simple questions.
    public var cheapModel: LLMModel? {
        cheapModelID.flatMap(model(id:)) ?? models.first { $0.tier == .cheap } ?? models.first
    }

    /// The model for complex questions.
    public var strongModel: LLMModel? {
        strongModelID.flatMap(model(id:)) ?? models.first { $0.tier == .strong } ?? cheapModel
    }

    /// How long a channel of this kind may wait for an answer.
    public func timeBudget(for kind: ChannelKind) -> Duration {
        timeBudgets[kind] ?? defaultTimeBudget
    }

    /// The tenant's policy, or the default one (enabled, no override).
    public func policy(forTenant tenantID: String) -> TenantModelPolicy {
        tenantPolicies[tenantID] ?? TenantModelPolicy()
    }

    /// Whether any model can be called at all (some model sits on an enabled endpoint).
    public var hasUsableModel: Bool {
        models.contains { endpoint(id: $0.endpointID)?.isEnabled == true }
    }
}
