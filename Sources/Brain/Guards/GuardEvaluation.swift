import Foundation
import GRDB

/// What one guard check decided, inside its transaction.
struct GuardDecision: Sendable {
    var reason: GuardReason?
    var notice: String?
    var trust: TrustLevel
    /// What tripped, for the logs ("daily 201 > 200").
    var detail: String
}

/// One message's guard check, run inside a write transaction: counters first (so every message
/// counts), then each rule in order, then the notice.
struct GuardEvaluation: Sendable {
    var input: GuardInput
    var fingerprint: MessageFingerprint?
    var gibberish: GibberishSignal?
    /// When the check ran (ms), stamped on a notice.
    var stampedAt: Int64

    static let minute: Int64 = 60_000
    static let day: Int64 = 86_400_000
    /// How many recent messages the repetition rule compares with.
    static let repetitionHistory = 200

    func run(_ db: Database) throws -> GuardDecision {
        let limits = input.tenant.limits
        let tenantID = input.tenant.id
        let customerID = input.customer.id
        let now = input.now.milliseconds
        let message = MessageKey(channelID: input.channel.channelID, providerMessageID: input.providerMessageID)
        let accepted = try GuardSQL.acceptedMessages(
            db, tenantID: tenantID, customerID: customerID, excluding: message, cap: max(limits.knownAfterMessages, 1)
        )
        let trust = TrustLevel(customer: input.customer, acceptedMessages: accepted, now: input.now, limits: limits)
        let multiplier = limits.trustMultipliers[trust]
        var reason: GuardReason?
        var detail = ""

        // Counters first, all of them: blocked messages count too.
        if let address = input.remoteAddress?.trimmingCharacters(in: .whitespaces).lowercased(), !address.isEmpty,
           input.isNewCustomer || accepted == 0 {
            let count = try GuardSQL.increment(db, tenantID: tenantID, key: "ip:\(address)", windowStart: Self.start(of: now, every: Self.minute))
            let limit = Self.scaled(limits.unknownSenderPerIPPerMinute, by: multiplier)
            if count > limit {
                reason = .ipLimit
                detail = "ip \(count) > \(limit) a minute"
            }
        }
        let today = Self.start(of: now, every: Self.day)
        let daily = try GuardSQL.increment(
            db, tenantID: tenantID, key: "\(input.isCall ? "calls" : "messages"):\(customerID)", windowStart: today
        )
        // A caller's number is always proven, so trust would multiply every call cap: calls are not scaled.
        let dailyLimit = input.isCall ? limits.customerDailyCalls : Self.scaled(limits.customerDailyMessages, by: multiplier)
        if reason == nil, daily > dailyLimit {
            reason = input.isCall ? .callCap : .dailyCap
            detail = "daily \(daily) > \(dailyLimit)"
        }

        if reason == nil, !input.isCall {
            let since = now - Int64(limits.rapidFireSeconds) * 1000
            let recent = try GuardSQL.inboundCount(db, tenantID: tenantID, customerID: customerID, since: since, excluding: message) + 1
            if recent > limits.rapidFireMessages {
                reason = .rapidFire
                detail = "\(recent) > \(limits.rapidFireMessages) in \(limits.rapidFireSeconds) s"
            }
        }
        if reason == nil, let fingerprint {
            let since = now - Int64(limits.repeatWindowMinutes) * Self.minute
            let texts = try GuardSQL.inboundTexts(
                db, tenantID: tenantID, customerID: customerID, since: since, excluding: message, limit: Self.repetitionHistory
            )
            let times = texts.filter { MessageFingerprint.normalize($0) == fingerprint.text }.count + 1
            if times >= limits.repeatLimit {
                reason = .repetition
                detail = "asked \(times) times in \(limits.repeatWindowMinutes) min"
            }
        }
        if reason == nil, let gibberish {
            reason = .gibberish
            detail = gibberish.rawValue
        }

        guard let reason else { return GuardDecision(reason: nil, notice: nil, trust: trust, detail: "") }
        var notice: String?
        if let text = limits.notice(for: reason) {
            let claimed: Bool
            switch reason {
            case .dailyCap, .callCap:
                claimed = try GuardSQL.claimNotice(db, tenantID: tenantID, customerID: customerID, reason: reason, windowStart: today, now: stampedAt)
            default:
                let since = now - Int64(limits.noticeCooldownMinutes) * Self.minute
                claimed = try GuardSQL.claimNotice(db, tenantID: tenantID, customerID: customerID, reason: reason, notSince: since, at: now, stampedAt: stampedAt)
            }
            notice = claimed ? text : nil
        }
        return GuardDecision(reason: reason, notice: notice, trust: trust, detail: detail)
    }

    /// The start (ms) of the fixed window of length `length` that contains `time`.
    static func start(of time: Int64, every length: Int64) -> Int64 {
        time - ((time % length) + length) % length
    }

    /// `limit × multiplier`, saturating.
    static func scaled(_ limit: Int, by multiplier: Int) -> Int {
        let (product, overflow) = limit.multipliedReportingOverflow(by: max(multiplier, 1))
        return overflow ? .max : product
    }
}
