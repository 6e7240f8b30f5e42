/// How an attempt to answer with a language model ended. The pipeline decides what follows:
/// an answer is sent; anything else falls back to the knowledge base and human handoff.
public enum LLMOutcome: Sendable, Hashable {
    /// A model answered; `costs` are what was settled in the ledger (input and output tokens).
    /// A model that wrote ``PromptBuilder/handoffMarker`` gives an answer with `isUnanswered`.
    case answered(ResponderAnswer, costs: [CostEntry])
    /// The tenant's budget has no room for the call: no model was called.
    case budgetExhausted
    /// Every model in the chain failed (or none could be called); `reason` says why, for logs.
    case failed(reason: String)
    /// The channel's time budget ran out before a model answered.
    case timedOut
    /// The tenant does not use a language model, or no model is configured.
    case disabled

    /// The answer, when there is one.
    public var answer: ResponderAnswer? {
        if case .answered(let answer, _) = self { return answer }
        return nil
    }
}
