import Logging

extension LLMResponder {
    /// How the calls to one model ended.
    enum ModelCallResult: Sendable {
        case answered(ChatCompletion)
        /// The last error; `outOfTime` when the time budget, not the model, ended the attempts.
        case failed(LLMCallError, outOfTime: Bool)
        case cancelled
    }

    /// Calls one model, retrying retryable failures with backoff while the retry count, the
    /// circuit and the time budget allow. The caller has already acquired the breaker.
    func call(
        _ model: LLMModel,
        on endpoint: LLMEndpoint,
        breaker: CircuitBreaker,
        messages: [ChatMessage],
        maxTokens: Int,
        deadline: ContinuousClock.Instant,
        logger: Logger
    ) async -> ModelCallResult {
        let clock = ContinuousClock()
        var attempt = 0
        while true {
            attempt += 1
            let remaining = clock.now.duration(to: deadline)
            guard remaining > .zero else {
                // Time ran out before this attempt. (A half-open trial left unused expires after
                // one cooldown.)
                return .failed(.timedOut(after: .zero), outOfTime: true)
            }
            let timeout = min(endpoint.timeout, remaining)
            let started = clock.now
            do {
                let completion = try await client.complete(messages, model: model, endpoint: endpoint, maxTokens: maxTokens, timeout: timeout)
                breaker.recordSuccess()
                logger.info("model answered", metadata: [
                    "model": "\(model.id)", "attempt": "\(attempt)", "duration": "\(started.duration(to: clock.now))",
                    "promptTokens": "\(completion.usage.promptTokens)", "completionTokens": "\(completion.usage.completionTokens)",
                    "usageEstimated": "\(completion.usage.isEstimated)",
                ])
                return .answered(completion)
            } catch let error as LLMCallError {
                // A call cut short by the channel's budget says nothing about the endpoint's health.
                let cutByBudget = timeout < endpoint.timeout
                if case .timedOut = error, cutByBudget {
                    logger.warning("model call stopped by the channel's time budget", metadata: ["model": "\(model.id)", "attempt": "\(attempt)", "timeout": "\(timeout)"])
                    return .failed(error, outOfTime: true)
                }
                breaker.recordFailure()
                logger.warning("model call failed", metadata: ["model": "\(model.id)", "attempt": "\(attempt)", "error": "\(error)"])
                guard error.isRetryable, attempt <= settings.retryCount else { return .failed(error, outOfTime: false) }
                let delay = max(backoff(after: attempt), error.retryAfter ?? .zero)
                // A retry that cannot start with time to spare is not made; the next model may be faster.
                guard clock.now + delay < deadline else { return .failed(error, outOfTime: false) }
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    return .cancelled
                }
                guard breaker.acquire() else { return .failed(error, outOfTime: false) }
            } catch {
                return .cancelled
            }
        }
    }

    /// Exponential backoff from `retryBaseDelay`, doubling each attempt, with up to half of it
    /// random so concurrent retries spread out.
    func backoff(after attempt: Int, random: Double = Double.random(in: 0...1)) -> Duration {
        let exponent = min(max(attempt - 1, 0), 16)
        let base = settings.retryBaseDelay * (1 << exponent)
        return base / 2 + base / 2 * random
    }
}
