import ChannelKit
import Logging

/// Answers with an OpenAI-compatible chat-completions model, within the channel's time budget and
/// the tenant's money budget.
///
/// For each model of the router's chain (chosen model, then fallbacks, endpoints with an open
/// circuit left out): reserve the call's largest possible cost, call it (retrying 429, 5xx,
/// timeouts and network failures with backoff while time remains), then settle the reservation
/// with the tokens actually used, or release it and try the next model. A budget with no room
/// stops at once with ``LLMOutcome/budgetExhausted``.
///
/// ```swift
/// let responder = LLMResponder(settings: settings, transport: HTTPLLMTransport(client: client), costGate: ledger, logger: logger)
/// switch await responder.respond(context) {
/// case .answered(let answer, _): reply(answer)
/// case .budgetExhausted, .failed, .timedOut, .disabled: fallBackToKnowledgeBase()
/// }
/// ```
public struct LLMResponder: Responder {
    public let settings: LLMSettings
    let client: ChatCompletionClient
    let costGate: any CostGate
    let logger: Logger
    let router: ModelRouter
    let prompts: PromptBuilder
    /// One circuit breaker per endpoint id, shared by copies of the responder.
    let breakers: [String: CircuitBreaker]

    /// - Parameters:
    ///   - settings: Endpoints, models, routing, time budgets, retries, breakers, tenant policies.
    ///   - transport: Sends the HTTP requests.
    ///   - costGate: Reserves and settles each call's cost against the tenant's budget.
    ///   - logger: Logs calls (model, tokens, duration, failures), never prompts or answers.
    ///   - promptBuilder: Builds the messages; the default suits most tenants.
    ///   - now: The circuit breakers' clock.
    public init(
        settings: LLMSettings,
        transport: any LLMTransport,
        costGate: any CostGate,
        logger: Logger,
        promptBuilder: PromptBuilder = PromptBuilder(),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.settings = settings
        self.client = ChatCompletionClient(transport: transport)
        self.costGate = costGate
        self.logger = logger
        self.router = ModelRouter(settings: settings)
        self.prompts = promptBuilder
        var breakers: [String: CircuitBreaker] = [:]
        for endpoint in settings.endpoints where breakers[endpoint.id] == nil {
            breakers[endpoint.id] = CircuitBreaker(
                failureThreshold: settings.breakerFailureThreshold, cooldown: settings.breakerCooldown, now: now
            )
        }
        self.breakers = breakers
    }

    /// The model's answer, or nil whenever there is none (budget exhausted, failed, timed out,
    /// disabled): ``respond(_:)`` tells those apart.
    ///
    /// - Throws: `CancellationError` when the task was cancelled meanwhile.
    public func answer(_ context: ResponderContext) async throws -> ResponderAnswer? {
        let outcome = await respond(context)
        try Task.checkCancellation()
        return outcome.answer
    }

    /// Tries the router's chain of models and says how it ended.
    public func respond(_ context: ResponderContext) async -> LLMOutcome {
        let policy = self.policy(for: context)
        guard policy.isEnabled, settings.hasUsableModel else { return .disabled }
        let clock = ContinuousClock()
        let budget = min(context.timeBudget, settings.timeBudget(for: context.channel.kind))
        let deadline = clock.now + budget
        let assessment = QuestionAssessment(question: context.question, history: context.history)
        let chain = router.chain(for: assessment, policy: policy) { breakers[$0.id]?.isAvailable ?? false }
        var logger = self.logger
        logger[metadataKey: "tenant"] = "\(context.tenant.id)"
        logger[metadataKey: "channel"] = "\(context.channel.channelID)"
        guard !chain.isEmpty else {
            logger.warning("no language model can be called: every endpoint's circuit is open")
            return .failed(reason: "every model's endpoint is unavailable (circuit open)")
        }
        logger.debug("choosing models", metadata: [
            "signals": "\(assessment.signals.map(\.rawValue).sorted())",
            "chain": "\(chain.map(\.id))",
        ])
        let messages = prompts.messages(for: context)
        var failures: [String] = []
        var ranOutOfTime = false
        for model in chain {
            guard clock.now < deadline else {
                ranOutOfTime = true
                break
            }
            switch await attempt(model, messages: messages, policy: policy, context: context, deadline: deadline, logger: logger) {
            case .finished(let outcome):
                return outcome
            case .skipped:
                continue
            case .failed(let error, let outOfTime):
                failures.append("\(model.id): \(error)")
                ranOutOfTime = outOfTime
            }
            if ranOutOfTime { break }
        }
        if ranOutOfTime {
            logger.warning("no model answered within the channel's time budget", metadata: ["budget": "\(budget)", "failures": "\(failures)"])
            return .timedOut
        }
        let reason = failures.isEmpty ? "no model could be called" : failures.joined(separator: "; ")
        logger.warning("every model failed", metadata: ["failures": "\(reason)"])
        return .failed(reason: reason)
    }

    /// The tenant's model policy.
    func policy(for context: ResponderContext) -> TenantModelPolicy {
        context.tenant.modelPolicy ?? settings.policy(forTenant: context.tenant.id)
    }

    /// Where an endpoint's circuit stands (for health pages and tests); nil for an unknown id.
    public func circuitState(endpointID: String) -> CircuitState? {
        breakers[endpointID]?.currentState
    }
}
