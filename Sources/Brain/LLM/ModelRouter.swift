/// Chooses which models answer a question, in order.
///
/// The tenant's forced model comes first when it has one; otherwise the strong model when the
/// ``QuestionAssessment`` prefers it, else the cheap model. The configured fallbacks follow, each
/// model once, leaving out models whose endpoint is disabled or whose circuit is open.
public struct ModelRouter: Sendable {
    public let settings: LLMSettings

    public init(settings: LLMSettings) {
        self.settings = settings
    }

    /// The models to try for `assessment`, best first.
    ///
    /// - Parameter isAvailable: Whether an endpoint can take a call now (its circuit is not open).
    public func chain(
        for assessment: QuestionAssessment,
        policy: TenantModelPolicy = TenantModelPolicy(),
        isAvailable: (LLMEndpoint) -> Bool = { _ in true }
    ) -> [LLMModel] {
        guard policy.isEnabled else { return [] }
        let chosen = policy.forcedModelID.flatMap(settings.model(id:))
            ?? (assessment.prefersStrongModel ? settings.strongModel : settings.cheapModel)
        var seen = Set<String>()
        var chain: [LLMModel] = []
        for model in [chosen].compactMap({ $0 }) + settings.fallbackModelIDs.compactMap(settings.model(id:)) {
            guard seen.insert(model.id).inserted,
                  let endpoint = settings.endpoint(id: model.endpointID),
                  endpoint.isEnabled, isAvailable(endpoint)
            else { continue }
            chain.append(model)
        }
        return chain
    }

    /// The models to try for a question from a customer with this history (oldest first).
    public func chain(
        question: String,
        history: [MessageRecord] = [],
        policy: TenantModelPolicy = TenantModelPolicy(),
        isAvailable: (LLMEndpoint) -> Bool = { _ in true }
    ) -> [LLMModel] {
        chain(for: QuestionAssessment(question: question, history: history), policy: policy, isAvailable: isAvailable)
    }
}
