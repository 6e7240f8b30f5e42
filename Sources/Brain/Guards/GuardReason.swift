/// Why a guard blocked a message; stored in `messages.blocked_reason`.
public enum GuardReason: String, Sendable, Hashable, CaseIterable {
    /// The customer's daily message cap.
    case dailyCap = "daily_cap"
    /// The customer's daily call cap.
    case callCap = "call_cap"
    /// Too many messages from one IP address by senders not yet known.
    case ipLimit = "ip_limit"
    /// Too many messages in a few seconds.
    case rapidFire = "rapid_fire"
    /// The same question asked again and again.
    case repetition
    /// Text that reads as keyboard mashing.
    case gibberish
    /// The customer is blocked by the business.
    case blocked

    /// The configuration key of the reason's notice (`noticeMessages.dailyCap`).
    public var configurationKey: String {
        switch self {
        case .dailyCap: "dailyCap"
        case .callCap: "callCap"
        case .ipLimit: "ipLimit"
        case .rapidFire: "rapidFire"
        case .repetition: "repetition"
        case .gibberish: "gibberish"
        case .blocked: "blocked"
        }
    }

    /// What the customer is told unless the tenant configured other words. A blocked customer is
    /// told nothing.
    public var defaultNotice: String {
        switch self {
        case .dailyCap:
            "You've reached today's message limit. Please try again tomorrow."
        case .callCap:
            "You've reached today's call limit. Please try again tomorrow, or send us a message instead."
        case .ipLimit:
            "We're receiving a lot of messages from your network right now; please wait a minute and try again."
        case .rapidFire:
            "You've sent a lot of messages in a short time; please wait a moment and try again."
        case .repetition:
            "It looks like you've asked this a few times already. If our answer didn't help, try putting the question differently."
        case .gibberish:
            "Sorry, I couldn't make sense of that message. Could you rephrase it?"
        case .blocked:
            ""
        }
    }
}
