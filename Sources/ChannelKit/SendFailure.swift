/// Why a provider did not accept a message, and whether trying again can help.
public struct SendFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// Whether the dispatcher should try again later (rate limits, provider outages).
    public var isRetryable: Bool
    /// How long the provider asked the sender to wait (`Retry-After`), if it said.
    public var retryAfter: Duration?
    /// The provider's HTTP status, if there was a response.
    public var status: Int?
    /// The provider's error code, if its body carried one.
    public var providerCode: String?
    /// A short reason, safe to store and show (no secrets, no message text).
    public var reason: String

    public init(isRetryable: Bool, retryAfter: Duration? = nil, status: Int? = nil, providerCode: String? = nil, reason: String) {
        self.isRetryable = isRetryable
        self.retryAfter = retryAfter
        self.status = status
        self.providerCode = providerCode
        self.reason = reason
    }

    public var description: String {
        var parts: [String] = []
        if let status { parts.append("HTTP \(status)") }
        if let providerCode { parts.append("code \(providerCode)") }
        parts.append(reason)
        return parts.joined(separator: ", ")
    }
}
