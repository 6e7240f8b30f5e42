import Logging

extension LLMResponder {
    /// How trying one model of the chain ended.
    enum AttemptResult: Sendable {
        /// Stop here with this outcome (answered, or the budget has no room).
        case finished(LLMOutcome)
        /// The model could not be tried (its half-open circuit is taken); try the next.
        case skipped
        /// The model failed; `outOfTime` when the time budget ended its attempts.
        case failed(LLMCallError, outOfTime: Bool)
    }

    /// Tries one model: reserves its largest cost, calls it (with retries), then settles the
    /// reservation with the tokens used, or releases it.
    func attempt(
        _ model: LLMModel,
        messages: [ChatMessage],
        policy: TenantModelPolicy,
        context: ResponderContext,
        deadline: ContinuousClock.Instant,
        logger: Logger
    ) async -> AttemptResult {
        guard let endpoint = settings.endpoint(id: model.endpointID), let breaker = breakers[endpoint.id] else { return .skipped }
        let maxTokens = policy.maxTokens.map { min($0, model.maxTokens) } ?? model.maxTokens
        let promptBytes = messages.reduce(0) { $0 + $1.content.utf8.count }
        let estimate = Self.estimatedCostNanos(promptBytes: promptBytes, maxTokens: maxTokens, model: model)
        let reservation: BudgetReservation?
        do {
            reservation = try await costGate.reserve(tenantID: context.tenant.id, amountNanos: estimate)
        } catch {
            logger.error("the budget could not be checked; no model is called", metadata: ["error": "\(error)"])
            return .finished(.failed(reason: "the budget could not be checked (\(error))"))
        }
        guard let reservation else {
            logger.notice("the tenant's budget has no room for a model call", metadata: ["model": "\(model.id)", "estimateNanos": "\(estimate)"])
            return .finished(.budgetExhausted)
        }
        guard breaker.acquire() else {
            // Another call took the half-open trial meanwhile.
            await release(reservation, logger: logger)
            return .skipped
        }
        switch await call(model, on: endpoint, breaker: breaker, messages: messages, maxTokens: maxTokens, deadline: deadline, logger: logger) {
        case .answered(let completion):
            let costs = Self.costs(of: completion.usage, model: model, channel: context.channel)
            do {
                try await costGate.settle(reservation, with: costs)
            } catch {
                logger.error("the model call's cost could not be settled", metadata: ["reservation": "\(reservation.id)", "error": "\(error)"])
            }
            return .finished(.answered(answer(from: completion, model: model, context: context), costs: costs))
        case .failed(let error, let outOfTime):
            await release(reservation, logger: logger)
            return .failed(error, outOfTime: outOfTime)
        case .cancelled:
            await release(reservation, logger: logger)
            return .finished(.failed(reason: "cancelled"))
        }
    }

    /// Gives a reservation back; a failure is logged (the ledger's own expiry cleans it up).
    func release(_ reservation: BudgetReservation, logger: Logger) async {
        do {
            try await costGate.release(reservation)
        } catch {
            logger.error("a budget reservation could not be released", metadata: ["reservation": "\(reservation.id)", "error": "\(error)"])
        }
    }
}
