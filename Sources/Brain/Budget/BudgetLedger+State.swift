import Foundation
import GRDB

extension BudgetLedger {
    /// The tenant's spending this month: limit, ledger total, live reservations and alerts.
    public func state(tenantID: String) async throws -> BudgetState {
        guard let budget = tenants[tenantID]?.budget else { throw BudgetError.unknownTenant(tenantID) }
        let date = now()
        let month = LedgerMonth.key(for: date)
        let liveSince = date.milliseconds - reservationLifetime
        return try await store.pool.read { db in
            BudgetState(
                tenantID: tenantID, month: month, currency: budget.currency, limitNanos: budget.limitNanos,
                spentNanos: try LedgerSQL.spent(db, tenantID: tenantID, month: month),
                reservedNanos: try LedgerSQL.reserved(db, tenantID: tenantID, since: liveSince),
                alerts: try LedgerSQL.alerts(db, tenantID: tenantID, month: month)
            )
        }
    }
}
