import Foundation
import GRDB
import Logging

extension BudgetLedger {
    /// Replaces the reservation with the actual costs, in one transaction, then records an alert
    /// for each threshold this spending crossed. The ledger rows hold exactly `entries`' amounts.
    ///
    /// A reservation that already expired is still settled: money spent is recorded.
    public func settle(_ reservation: BudgetReservation, with entries: [CostEntry]) async throws {
        for entry in entries where entry.tenantID != reservation.tenantID {
            throw BudgetError.tenantMismatch(reservation: reservation.tenantID, entry: entry.tenantID)
        }
        let rows = try entries.map { try LedgerRow(validating: $0) }
        let budget = budget(of: reservation.tenantID)
        let date = now()
        let nowMS = date.milliseconds
        let month = LedgerMonth.key(for: date)
        let (found, alerts) = try await store.pool.write { db -> (Bool, [BudgetAlert]) in
            let found = try LedgerSQL.deleteReservation(db, reservation)
            try LedgerSQL.insert(db, rows, month: month, createdAt: nowMS)
            guard let budget, !rows.isEmpty else { return (found, []) }
            return (found, try LedgerSQL.recordAlerts(db, tenantID: reservation.tenantID, month: month, budget: budget, createdAt: nowMS))
        }
        if !found {
            logger.warning("settled a budget reservation that had expired or was already settled", metadata: [
                "tenant.id": "\(reservation.tenantID)", "reservation.id": "\(reservation.id)",
            ])
        }
        log(alerts)
    }

    /// Records costs incurred without a reservation (SMS segments sent, voice minutes, emails), in
    /// one transaction, then records an alert for each threshold crossed. They count against the
    /// budget but are never refused: the message was already sent.
    public func record(_ entries: [CostEntry]) async throws {
        _ = try await record(entries, once: false)
    }

    /// Records a provider's usage report (a call's minutes) unless the tenant's ledger already
    /// holds an entry with the same reference (the provider retried its callback); returns
    /// whether it was recorded. Every entry should carry that reference.
    public func recordOnce(_ entries: [CostEntry]) async throws -> Bool {
        try await record(entries, once: true)
    }

    private func record(_ entries: [CostEntry], once: Bool) async throws -> Bool {
        guard !entries.isEmpty else { return false }
        let rows = try entries.map { try LedgerRow(validating: $0) }
        var budgets: [(String, TenantBudget)] = []
        for tenantID in entries.map(\.tenantID) where !budgets.contains(where: { $0.0 == tenantID }) {
            if let budget = budget(of: tenantID) { budgets.append((tenantID, budget)) }
        }
        let date = now()
        let nowMS = date.milliseconds
        let month = LedgerMonth.key(for: date)
        let checked = budgets
        let (recorded, alerts) = try await store.pool.write { db -> (Bool, [BudgetAlert]) in
            if once, try rows.contains(where: { try LedgerSQL.hasReference(db, of: $0.entry) }) {
                return (false, [])
            }
            try LedgerSQL.insert(db, rows, month: month, createdAt: nowMS)
            var alerts: [BudgetAlert] = []
            for (tenantID, budget) in checked {
                alerts += try LedgerSQL.recordAlerts(db, tenantID: tenantID, month: month, budget: budget, createdAt: nowMS)
            }
            return (true, alerts)
        }
        log(alerts)
        return recorded
    }

    /// Logs each newly crossed threshold: a warning below 100 %, an error at 100 % and above.
    func log(_ alerts: [BudgetAlert]) {
        for alert in alerts {
            logger.log(
                level: alert.threshold >= 100 ? .error : .warning,
                "monthly budget threshold reached",
                metadata: [
                    "tenant.id": "\(alert.tenantID)", "budget.month": "\(alert.month)",
                    "budget.threshold": "\(alert.threshold)%",
                    "budget.spent": "\(Nanos.toCurrency(alert.spentNanos))", "budget.limit": "\(Nanos.toCurrency(alert.limitNanos))",
                ]
            )
        }
    }
}
