/// Gateway-wide settings: the `gateway` object of the configuration file plus command-line
/// overrides. Every value has a default.
struct GatewaySettings: Sendable, Hashable {
    /// The URL providers reach the gateway at (behind proxies and TLS terminators). Signatures
    /// computed over URLs (Twilio) use it. Defaults to `http://<host>:<port>`.
    var publicURL: String?
    /// The largest webhook body accepted, in bytes; larger requests get 413.
    var maxBodyBytes: Int = 1 << 20
    var worker = WorkerSettings()
    var dispatcher = DispatcherSettings()
}

/// How the inbound worker processes the inbox.
struct WorkerSettings: Sendable, Hashable {
    /// Conversations processed at once (messages of one conversation are always in order).
    var concurrency: Int = 8
    /// Processing attempts before an inbox row is marked failed.
    var maxAttempts: Int = 5
    /// How often the inbox is checked when nothing signals new work, in milliseconds.
    var pollIntervalMilliseconds: Int = 1000
}

/// How the outbound dispatcher sends, retries and gives up.
struct DispatcherSettings: Sendable, Hashable {
    /// Sends in flight at once.
    var concurrency: Int = 16
    /// Attempts before a reply is dead-lettered.
    var maxAttempts: Int = 8
    /// The first retry's delay; each further retry doubles it (with jitter), up to `maxDelay`.
    var baseDelayMilliseconds: Int = 1000
    var maxDelayMilliseconds: Int = 10 * 60 * 1000
    /// The whole request's time limit; a timeout after sending makes the reply `uncertain`.
    var timeoutMilliseconds: Int = 15_000
    /// How often the outbox is checked when nothing signals new work, in milliseconds.
    var pollIntervalMilliseconds: Int = 1000
}
