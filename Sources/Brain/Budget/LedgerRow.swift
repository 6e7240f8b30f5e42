/// A cost entry checked for the ledger: non-negative, its amount computed without overflow.
struct LedgerRow: Sendable {
    var entry: CostEntry
    /// `quantity × unitPriceNanos`, exactly what the ledger row stores.
    var amountNanos: Int64

    init(validating entry: CostEntry) throws(BudgetError) {
        let (amount, overflow) = entry.quantity.multipliedReportingOverflow(by: entry.unitPriceNanos)
        guard entry.quantity >= 0, entry.unitPriceNanos >= 0, !overflow else {
            throw BudgetError.invalidEntry(entry)
        }
        self.entry = entry
        self.amountNanos = amount
    }
}
