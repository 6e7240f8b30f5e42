import Brain

/// The whole validated configuration: gateway settings, tenants and their channels.
struct GatewayConfiguration: Sendable {
    /// The file it was read from (for messages).
    var file: String
    var settings: GatewaySettings
    var tenants: TenantDirectory
    var channels: ChannelRegistry
    /// The LLM endpoints and models; nil when none is configured (knowledge base only).
    var llm: LLMSettings?
    /// Prices of the costs channels incur (SMS segments, voice minutes, email).
    var pricing: Pricing
    /// The embedder, memory and cache settings.
    var semantic: SemanticSettings = SemanticSettings()
    /// Things that work but deserve attention: literal secrets, disabled channels.
    var warnings: [String]
}
