/// The tenant's monthly spending limit, enforced by ``BudgetLedger``.
public struct TenantBudget: Sendable, Hashable {
    /// The most the tenant may spend in one calendar month (UTC), in units of ``currency``.
    public var monthlyLimit: Double
    /// ISO 4217 code of the currency every price and limit is in (`USD`).
    public var currency: String
    /// Percentages of ``monthlyLimit`` at which an alert is recorded and logged, once a month each.
    public var alertThresholds: [Int]

    public init(monthlyLimit: Double = 50, currency: String = "USD", alertThresholds: [Int] = [75, 90, 100]) {
        self.monthlyLimit = monthlyLimit
        self.currency = currency
        self.alertThresholds = alertThresholds
    }

    /// ``monthlyLimit`` in nano-units of the currency (1e-9), rounded to the nearest.
    public var limitNanos: Int64 { Nanos.fromCurrency(monthlyLimit) }
}
