/// Per-tenant limits, enforced by ``GuardStage``.
///
/// Daily message caps and the per-IP limit are multiplied by the customer's ``TrustLevel``
/// (``trustMultipliers``): a verified customer gets four times the cap by default.
public struct TenantLimits: Sendable, Hashable {
    /// Messages one customer may send per UTC day (× trust multiplier).
    public var customerDailyMessages: Int
    /// Voice calls one customer may start per UTC day (not scaled by trust: every caller's
    /// number is proven by the phone network).
    public var customerDailyCalls: Int
    /// Messages per minute from one IP address by senders not yet known (× trust multiplier).
    public var unknownSenderPerIPPerMinute: Int
    /// More than this many messages within ``rapidFireSeconds`` are blocked as rapid fire.
    public var rapidFireMessages: Int
    public var rapidFireSeconds: Int
    /// The same question (normalized) this many times within ``repeatWindowMinutes``: this one and
    /// later repeats are blocked.
    public var repeatLimit: Int
    public var repeatWindowMinutes: Int
    /// Whether messages that read as keyboard mashing are blocked (``GibberishDetector``).
    public var detectGibberish: Bool
    public var trustMultipliers: TrustMultipliers
    /// A customer becomes ``TrustLevel/known`` after this many accepted messages…
    public var knownAfterMessages: Int
    /// …or this many days after first contact, whichever comes first.
    public var knownAfterDays: Int
    /// What the customer is told when a guard blocks them, per reason; an empty text means no
    /// notice. Missing reasons use ``GuardReason/defaultNotice``.
    public var noticeMessages: [GuardReason: String]
    /// For rapid fire, repetition, gibberish and the per-IP limit: at most one notice per reason
    /// and customer within this many minutes. Daily caps notify once per UTC day.
    public var noticeCooldownMinutes: Int

    public init(
        customerDailyMessages: Int = 200,
        customerDailyCalls: Int = 10,
        unknownSenderPerIPPerMinute: Int = 30,
        rapidFireMessages: Int = 5,
        rapidFireSeconds: Int = 10,
        repeatLimit: Int = 3,
        repeatWindowMinutes: Int = 60,
        detectGibberish: Bool = true,
        trustMultipliers: TrustMultipliers = TrustMultipliers(),
        knownAfterMessages: Int = 20,
        knownAfterDays: Int = 7,
        noticeMessages: [GuardReason: String] = [:],
        noticeCooldownMinutes: Int = 10
    ) {
        self.customerDailyMessages = customerDailyMessages
        self.customerDailyCalls = customerDailyCalls
        self.unknownSenderPerIPPerMinute = unknownSenderPerIPPerMinute
        self.rapidFireMessages = rapidFireMessages
        self.rapidFireSeconds = rapidFireSeconds
        self.repeatLimit = repeatLimit
        self.repeatWindowMinutes = repeatWindowMinutes
        self.detectGibberish = detectGibberish
        self.trustMultipliers = trustMultipliers
        self.knownAfterMessages = knownAfterMessages
        self.knownAfterDays = knownAfterDays
        self.noticeMessages = noticeMessages
        self.noticeCooldownMinutes = noticeCooldownMinutes
    }

    /// The tenant's words for `reason`, or nil when the tenant wants no notice for it.
    public func notice(for reason: GuardReason) -> String? {
        let text = noticeMessages[reason] ?? reason.defaultNotice
        return text.allSatisfy(\.isWhitespace) ? nil : text
    }
}
