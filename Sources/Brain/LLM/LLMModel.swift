/// Which kind of question a model is for.
public enum ModelTier: String, Sendable, Hashable, CaseIterable {
    /// Quick, inexpensive answers to simple questions.
    case cheap
    /// Reasoning, comparisons, calculations and unhappy customers.
    case strong
}

/// A model on an endpoint, with its limits and prices.
///
/// Prices are in the tenant's currency per million tokens, as providers publish them
/// (`inputPricePerMillion: 0.15` is 0.15 USD per million prompt tokens).
public struct LLMModel: Sendable, Hashable {
    /// The id used in configuration (`fast`, `smart`).
    public var id: String
    /// The ``LLMEndpoint/id`` of the server that runs it.
    public var endpointID: String
    /// The provider's model name, sent as `model` (`gpt-4o-mini`, `llama3.1:8b`).
    public var name: String
    public var tier: ModelTier
    /// The most tokens one answer may use (`max_tokens`).
    public var maxTokens: Int
    public var temperature: Double
    public var inputPricePerMillion: Double
    public var outputPricePerMillion: Double

    public init(
        id: String,
        endpointID: String,
        name: String,
        tier: ModelTier = .cheap,
        maxTokens: Int = 512,
        temperature: Double = 0.3,
        inputPricePerMillion: Double = 0,
        outputPricePerMillion: Double = 0
    ) {
        self.id = id
        self.endpointID = endpointID
        self.name = name
        self.tier = tier
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.inputPricePerMillion = inputPricePerMillion
        self.outputPricePerMillion = outputPricePerMillion
    }

    /// The price of one prompt token in nano-units of the currency (per million × 1000).
    public var inputTokenPriceNanos: Int64 { Nanos.perToken(pricePerMillion: inputPricePerMillion) }

    /// The price of one answer token in nano-units of the currency (per million × 1000).
    public var outputTokenPriceNanos: Int64 { Nanos.perToken(pricePerMillion: outputPricePerMillion) }
}
