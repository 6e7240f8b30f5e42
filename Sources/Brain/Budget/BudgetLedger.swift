import Foundation
import GRDB
import Logging

/// The monthly budget gate and the cost ledger, on the embedded SQLite store.
///
/// Budgets are hard. An expensive call first reserves its worst-case cost: the check (spent this
/// month + outstanding reservations + amount ≤ limit) and the reservation are one write
/// transaction, and SQLite runs write transactions one at a time, so concurrent callers can never
/// reserve more than the limit together. The call then settles the reservation with its actual
/// costs, or releases it. Costs without a reservation (SMS segments, voice minutes) are
/// ``record(_:)``ed after the fact. Amounts are integer nano-units; a month is the UTC calendar month.
///
/// ```swift
/// let ledger = BudgetLedger(store: store, tenants: tenants, logger: logger)
/// guard let hold = try await ledger.reserve(tenantID: "bakery", amountNanos: worstCase) else {
///     return degradedAnswer() // knowledge base and human handoff, never silence
/// }
/// let costs = try await callModel()
/// try await ledger.settle(hold, with: costs)
/// ```
public struct BudgetLedger: CostGate {
    let store: SQLiteStore
    let tenants: TenantDirectory
    let logger: Logger
    let now: @Sendable () -> Date
    /// How long (ms) a reservation holds money before it counts as abandoned.
    let reservationLifetime: Int64

    /// - Parameters:
    ///   - tenants: where each tenant's ``TenantBudget`` comes from.
    ///   - reservationLifetime: a reservation neither settled nor released within this time (a
    ///     crash mid-call) stops holding money; settling it later still records the costs.
    ///   - now: the clock (tests move it).
    public init(
        store: SQLiteStore,
        tenants: TenantDirectory,
        logger: Logger,
        reservationLifetime: Duration = .seconds(15 * 60),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.tenants = tenants
        self.logger = logger
        self.now = now
        let (seconds, attoseconds) = reservationLifetime.components
        self.reservationLifetime = seconds >= Int64.max / 1000 ? Int64.max : max(seconds * 1000 + attoseconds / 1_000_000_000_000_000, 0)
    }

    /// Sets `amountNanos` aside if the tenant's monthly budget still has room for it
    /// (spent + reserved + amount ≤ limit), in one write transaction; nil when it has not.
    public func reserve(tenantID: String, amountNanos: Int64) async throws -> BudgetReservation? {
        guard amountNanos >= 0 else { throw BudgetError.negativeAmount(amountNanos) }
        guard let budget = tenants[tenantID]?.budget else { throw BudgetError.unknownTenant(tenantID) }
        let date = now()
        let nowMS = date.milliseconds
        let month = LedgerMonth.key(for: date)
        let limit = budget.limitNanos
        let reservation = BudgetReservation(id: UUID().uuidString.lowercased(), tenantID: tenantID, amountNanos: amountNanos)
        let expiredBefore = nowMS - reservationLifetime
        let (granted, expired, committed) = try await store.pool.write { db -> (Bool, Int, Int64) in
            let expired = try LedgerSQL.expireReservations(db, tenantID: tenantID, before: expiredBefore)
            let spent = try LedgerSQL.spent(db, tenantID: tenantID, month: month)
            let reserved = try LedgerSQL.reserved(db, tenantID: tenantID, since: expiredBefore)
            let (held, overflow) = spent.addingReportingOverflow(reserved)
            let (total, overflow2) = held.addingReportingOverflow(amountNanos)
            guard !overflow, !overflow2, total <= limit else { return (false, expired, held) }
            try LedgerSQL.insertReservation(db, reservation, month: month, createdAt: nowMS)
            return (true, expired, held)
        }
        if expired > 0 {
            logger.warning("abandoned budget reservations expired", metadata: ["tenant.id": "\(tenantID)", "count": "\(expired)"])
        }
        guard granted else {
            logger.info("budget reservation refused", metadata: [
                "tenant.id": "\(tenantID)", "budget.month": "\(month)", "budget.committed_nanos": "\(committed)",
                "budget.requested_nanos": "\(amountNanos)", "budget.limit_nanos": "\(limit)",
            ])
            return nil
        }
        return reservation
    }

    /// Gives the reservation back unused (the call was not made or cost nothing).
    public func release(_ reservation: BudgetReservation) async throws {
        _ = try await store.pool.write { db in
            try LedgerSQL.deleteReservation(db, reservation)
        }
    }

    /// The tenant's budget, or nil (with a warning) when the tenant is not configured: its costs
    /// are still recorded, but no limit applies.
    func budget(of tenantID: String) -> TenantBudget? {
        guard let budget = tenants[tenantID]?.budget else {
            logger.warning("cost recorded for a tenant that is not configured", metadata: ["tenant.id": "\(tenantID)"])
            return nil
        }
        return budget
    }
}
