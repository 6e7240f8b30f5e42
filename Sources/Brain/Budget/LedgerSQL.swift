import Foundation
import GRDB

/// The ledger's statements, run inside the caller's transaction. Every one is scoped by tenant.
enum LedgerSQL {
    /// What the ledger recorded for the tenant in `month`.
    static func spent(_ db: Database, tenantID: String, month: String) throws -> Int64 {
        try Int64.fetchOneCached(
            db,
            sql: "SELECT COALESCE(SUM(amount_nanos), 0) FROM cost_ledger WHERE tenant_id = ? AND month = ?",
            arguments: [tenantID, month]
        ) ?? 0
    }

    /// What the tenant's reservations made at or after `since` (ms) hold, whatever their month:
    /// a call reserved at the end of a month is settled in the next.
    static func reserved(_ db: Database, tenantID: String, since: Int64) throws -> Int64 {
        try Int64.fetchOneCached(
            db,
            sql: "SELECT COALESCE(SUM(amount_nanos), 0) FROM budget_reservations WHERE tenant_id = ? AND created_at >= ?",
            arguments: [tenantID, since]
        ) ?? 0
    }

    /// Deletes the tenant's reservations made before `before` (ms), left by a crash or a caller
    /// that never settled; returns how many.
    static func expireReservations(_ db: Database, tenantID: String, before: Int64) throws -> Int {
        try db.executeCached(
            sql: "DELETE FROM budget_reservations WHERE tenant_id = ? AND created_at < ?",
            arguments: [tenantID, before]
        )
        return db.changesCount
    }

    static func insertReservation(_ db: Database, _ reservation: BudgetReservation, month: String, createdAt: Int64) throws {
        try db.executeCached(
            sql: "INSERT INTO budget_reservations (id, tenant_id, month, amount_nanos, created_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [reservation.id, reservation.tenantID, month, reservation.amountNanos, createdAt]
        )
    }

    /// Deletes a reservation; returns whether it was still there.
    static func deleteReservation(_ db: Database, _ reservation: BudgetReservation) throws -> Bool {
        try db.executeCached(
            sql: "DELETE FROM budget_reservations WHERE id = ? AND tenant_id = ?",
            arguments: [reservation.id, reservation.tenantID]
        )
        return db.changesCount == 1
    }

    /// Whether the entry's tenant already has a ledger entry of the same kind and reference.
    static func hasReference(_ db: Database, of entry: CostEntry) throws -> Bool {
        guard let reference = entry.reference else { return false }
        return try Bool.fetchOneCached(
            db,
            sql: "SELECT 1 FROM cost_ledger WHERE tenant_id = ? AND reference = ? AND kind = ? LIMIT 1",
            arguments: [entry.tenantID, reference, entry.kind.rawValue]
        ) ?? false
    }

    static func insert(_ db: Database, _ rows: [LedgerRow], month: String, createdAt: Int64) throws {
        for row in rows {
            let entry = row.entry
            try db.executeCached(
                sql: """
                    INSERT INTO cost_ledger (tenant_id, channel_id, kind, quantity, unit, unit_price_nanos, amount_nanos,
                                             reference, month, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [entry.tenantID, entry.channelID, entry.kind.rawValue, entry.quantity, entry.unit,
                            entry.unitPriceNanos, row.amountNanos, entry.reference, month, createdAt]
            )
        }
    }

    /// Records an alert for every threshold of `budget` the tenant's spending in `month` has
    /// reached and that has none yet; returns the new ones.
    static func recordAlerts(_ db: Database, tenantID: String, month: String, budget: TenantBudget, createdAt: Int64) throws -> [BudgetAlert] {
        let spent = try Self.spent(db, tenantID: tenantID, month: month)
        guard spent > 0 else { return [] }
        let limit = budget.limitNanos
        var alerts: [BudgetAlert] = []
        for threshold in Set(budget.alertThresholds).sorted() where (1...1000).contains(threshold) {
            guard spent >= thresholdNanos(limit: limit, percent: threshold) else { continue }
            try db.executeCached(
                sql: """
                    INSERT INTO budget_alerts (tenant_id, month, threshold, spent_nanos, limit_nanos, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (tenant_id, month, threshold) DO NOTHING
                    """,
                arguments: [tenantID, month, threshold, spent, limit, createdAt]
            )
            if db.changesCount == 1 {
                alerts.append(BudgetAlert(tenantID: tenantID, month: month, threshold: threshold, spentNanos: spent,
                                          limitNanos: limit, createdAt: Date(milliseconds: createdAt)))
            }
        }
        return alerts
    }

    /// The alerts recorded for the tenant in `month`, lowest threshold first.
    static func alerts(_ db: Database, tenantID: String, month: String) throws -> [BudgetAlert] {
        try Row.fetchAllCached(
            db,
            sql: "SELECT * FROM budget_alerts WHERE tenant_id = ? AND month = ? ORDER BY threshold",
            arguments: [tenantID, month]
        ).map { row in
            BudgetAlert(tenantID: row["tenant_id"], month: row["month"], threshold: row["threshold"],
                        spentNanos: row["spent_nanos"], limitNanos: row["limit_nanos"],
                        createdAt: Date(milliseconds: row["created_at"]))
        }
    }

    /// `limit × percent / 100`, rounded up, in exact integer arithmetic (no overflow for any
    /// limit a configuration can hold).
    static func thresholdNanos(limit: Int64, percent: Int) -> Int64 {
        let percent = Int64(percent)
        let (quotient, remainder) = limit.quotientAndRemainder(dividingBy: 100)
        let (whole, overflow) = quotient.multipliedReportingOverflow(by: percent)
        guard !overflow else { return .max }
        let (total, carry) = whole.addingReportingOverflow((remainder * percent + 99) / 100)
        return carry ? .max : total
    }
}
