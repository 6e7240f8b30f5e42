import Foundation
import GRDB
import Logging

/// The guards every inbound message passes before the assistant sees it: per-IP limit for
/// senders not yet known, daily caps, rapid fire, repetition, gibberish (in that order; the
/// first that trips decides).
///
/// Counters (`guard_counters`) live in the database, so a restart does not reset them, and every
/// message counts, blocked ones too, so a spammer cannot wear a cap down by being blocked. The
/// rapid-fire and repetition rules read the customer's stored inbound messages (the pipeline
/// stores blocked ones too, with their reason). One check is one write transaction.
///
/// ```swift
/// let guards = GuardStage(store: store, logger: logger)
/// switch try await guards.check(input) {
/// case .allow: answer()
/// case .block(let reason, let notice): store(blockedReason: reason, reply: notice)
/// }
/// ```
public struct GuardStage: Sendable {
    let store: SQLiteStore
    let logger: Logger
    let detector: GibberishDetector
    let now: @Sendable () -> Date

    /// - Parameter now: the clock that stamps notices and decides what ``prune(tenantID:olderThan:)``
    ///   keeps; the windows themselves are measured from ``GuardInput/now``.
    public init(store: SQLiteStore, logger: Logger, detector: GibberishDetector = GibberishDetector(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.logger = logger
        self.detector = detector
        self.now = now
    }

    /// Decides whether the message goes on to the assistant, counting it in every counter.
    ///
    /// A block carries the tenant's notice for the reason the first time in its window (a UTC day
    /// for daily caps, ``TenantLimits/noticeCooldownMinutes`` otherwise) and nil after, so a
    /// customer is told politely once, not once per message.
    public func check(_ input: GuardInput) async throws -> GuardVerdict {
        let limits = input.tenant.limits
        let gibberish = !input.isCall && limits.detectGibberish ? detector.signal(in: input.text) : nil
        let fingerprint = input.isCall ? nil : MessageFingerprint(input.text)
        let stampedAt = now().milliseconds
        let decision = try await store.pool.write { db in
            try GuardEvaluation(input: input, fingerprint: fingerprint, gibberish: gibberish, stampedAt: stampedAt).run(db)
        }
        guard let reason = decision.reason else { return .allow }
        logger.debug("guard blocked a message", metadata: [
            "tenant.id": "\(input.tenant.id)", "customer.id": "\(input.customer.id)", "guard.reason": "\(reason.rawValue)",
            "guard.detail": "\(decision.detail)", "guard.trust": "\(decision.trust.rawValue)",
            "guard.notice": "\(decision.notice != nil)",
        ])
        return .block(reason, notice: decision.notice)
    }

    /// The customer's trust level now (for stages that grade service by it).
    public func trustLevel(of customer: CustomerRecord, tenant: TenantProfile, at date: Date) async throws -> TrustLevel {
        let limits = tenant.limits
        let accepted = try await store.pool.read { db in
            try GuardSQL.acceptedMessages(
                db, tenantID: tenant.id, customerID: customer.id, excluding: .none, cap: max(limits.knownAfterMessages, 1)
            )
        }
        return TrustLevel(customer: customer, acceptedMessages: accepted, now: date, limits: limits)
    }

    /// Deletes the tenant's counters and notices whose window started more than `age` ago (two
    /// days keeps every window the guards read). Run it now and then, e.g. daily per tenant.
    @discardableResult
    public func prune(tenantID: String, olderThan age: Duration = .seconds(2 * 86_400)) async throws -> Int {
        let cutoff = now().milliseconds - age.components.seconds * 1000
        return try await store.pool.write { db in
            try GuardSQL.prune(db, tenantID: tenantID, before: cutoff)
        }
    }
}
