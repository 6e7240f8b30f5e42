import Foundation

/// A tenant's spending this month, as the admin API and the pipeline see it.
public struct BudgetState: Sendable, Hashable {
    public var tenantID: String
    /// The calendar month (UTC), `YYYY-MM`.
    public var month: String
    public var currency: String
    public var limitNanos: Int64
    /// What the ledger recorded this month.
    public var spentNanos: Int64
    /// What outstanding reservations hold for calls in flight.
    public var reservedNanos: Int64
    /// The thresholds crossed this month, lowest first.
    public var alerts: [BudgetAlert]

    public init(tenantID: String, month: String, currency: String, limitNanos: Int64, spentNanos: Int64, reservedNanos: Int64, alerts: [BudgetAlert]) {
        self.tenantID = tenantID
        self.month = month
        self.currency = currency
        self.limitNanos = limitNanos
        self.spentNanos = spentNanos
        self.reservedNanos = reservedNanos
        self.alerts = alerts
    }

    /// No expensive call can be made any more this month: spent + reserved ≥ limit.
    public var isExhausted: Bool {
        let (committed, overflow) = spentNanos.addingReportingOverflow(reservedNanos)
        return overflow || committed >= limitNanos
    }

    /// What is left for new reservations (never negative).
    public var remainingNanos: Int64 {
        let (committed, overflow) = spentNanos.addingReportingOverflow(reservedNanos)
        return overflow ? 0 : max(limitNanos - committed, 0)
    }

    /// How much of the limit is spent (0…, may exceed 1 when channel costs overran it); 1 when
    /// the limit is zero.
    public var fraction: Double {
        limitNanos > 0 ? Double(spentNanos) / Double(limitNanos) : 1
    }
}

/// A budget threshold a tenant crossed, recorded once per month and threshold.
public struct BudgetAlert: Sendable, Hashable {
    public var tenantID: String
    public var month: String
    /// The percentage of the limit crossed (75, 90, 100 by default).
    public var threshold: Int
    /// What was spent when it was crossed.
    public var spentNanos: Int64
    public var limitNanos: Int64
    public var createdAt: Date

    public init(tenantID: String, month: String, threshold: Int, spentNanos: Int64, limitNanos: Int64, createdAt: Date) {
        self.tenantID = tenantID
        self.month = month
        self.threshold = threshold
        self.spentNanos = spentNanos
        self.limitNanos = limitNanos
        self.createdAt = createdAt
    }
}
