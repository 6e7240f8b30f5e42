/// A request the budget ledger refuses because it makes no sense (a programming error upstream).
public struct BudgetError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String

    static func unknownTenant(_ id: String) -> BudgetError {
        BudgetError(description: "tenant \"\(id)\" is not configured")
    }

    static func negativeAmount(_ amount: Int64) -> BudgetError {
        BudgetError(description: "cannot reserve a negative amount (\(amount) nanos)")
    }

    static func tenantMismatch(reservation: String, entry: String) -> BudgetError {
        BudgetError(description: "a cost of tenant \"\(entry)\" cannot settle a reservation of tenant \"\(reservation)\"")
    }

    static func invalidEntry(_ entry: CostEntry) -> BudgetError {
        BudgetError(description: "invalid cost entry: \(entry.quantity) \(entry.unit) at \(entry.unitPriceNanos) nanos (negative or too large)")
    }
}
