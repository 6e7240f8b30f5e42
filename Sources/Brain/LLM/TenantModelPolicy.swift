/// What one tenant allows its assistant's language model to do.
public struct TenantModelPolicy: Sendable, Hashable {
    /// Whether the tenant uses a language model at all; when false, only the knowledge base and
    /// human handoff answer.
    public var isEnabled: Bool
    /// A model id that always answers this tenant's questions first, whatever the router thinks.
    public var forcedModelID: String?
    /// A lower limit on answer tokens than the model's own (the smaller of the two applies).
    public var maxTokens: Int?

    public init(isEnabled: Bool = true, forcedModelID: String? = nil, maxTokens: Int? = nil) {
        self.isEnabled = isEnabled
        self.forcedModelID = forcedModelID
        self.maxTokens = maxTokens
    }
}
