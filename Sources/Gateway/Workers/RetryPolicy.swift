/// When to try a failed send again: exponential backoff with jitter, never sooner than the
/// provider's `Retry-After`, and a bounded number of attempts.
struct RetryPolicy: Sendable, Hashable {
    var maxAttempts: Int
    var baseDelay: Duration
    var maxDelay: Duration
    /// The longest `Retry-After` honoured; a provider asking for more is retried after this.
    var maxRetryAfter: Duration = .seconds(3600)

    init(settings: DispatcherSettings) {
        self.maxAttempts = settings.maxAttempts
        self.baseDelay = .milliseconds(settings.baseDelayMilliseconds)
        self.maxDelay = .milliseconds(settings.maxDelayMilliseconds)
    }

    /// Whether another attempt is allowed after `attempts` have been made.
    func allowsRetry(after attempts: Int) -> Bool {
        attempts < maxAttempts
    }

    /// The wait before the next attempt, after `attempts` attempts (1 = the first failed).
    /// Backoff doubles from `baseDelay`, capped at `maxDelay`; a random half of it is jitter, so
    /// many replies failing together do not retry together.
    func delay(after attempts: Int, retryAfter: Duration?, random: Double = Double.random(in: 0...1)) -> Duration {
        let exponent = min(max(attempts - 1, 0), 30)
        let backoff = min(baseDelay * (1 << exponent), maxDelay)
        let jittered = backoff / 2 + backoff / 2 * random
        guard let retryAfter else { return jittered }
        return max(jittered, min(retryAfter, maxRetryAfter))
    }
}
