/// Which answers a cached answer may be shared between: one tenant, one embedder (vectors of
/// different models are never compared), one version of the tenant's knowledge and persona, and
/// one way of rendering replies (an answer formatted for email is not sent as an SMS).
///
/// Any change to the knowledge base or the persona must bump `knowledgeVersion`; the old scope's
/// entries then never match again and ``SemanticCacheIndex/invalidate(tenantID:)`` frees them.
public struct CacheScope: Sendable, Hashable, Codable, CustomStringConvertible {
    public var tenantID: String
    /// ``Embedder/identifier`` of the model that made the key vectors.
    public var embedderID: String
    /// Changes whenever the tenant's knowledge base, persona or model policy changes.
    public var knowledgeVersion: String
    /// How replies are rendered on the channel: `"plain"`, `"markdown"`, `"voice"`, `"html"`…
    public var rendering: String

    public init(tenantID: String, embedderID: String, knowledgeVersion: String, rendering: String) {
        self.tenantID = tenantID
        self.embedderID = embedderID
        self.knowledgeVersion = knowledgeVersion
        self.rendering = rendering
    }

    public var description: String {
        "\(tenantID)/\(embedderID)/\(knowledgeVersion)/\(rendering)"
    }
}
