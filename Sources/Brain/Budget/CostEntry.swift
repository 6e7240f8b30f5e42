/// What a cost was for.
public enum CostKind: String, Sendable, Hashable, Codable, CaseIterable {
    case modelCall = "model_call"
    case embedding
    case smsSegment = "sms_segment"
    case voiceMinute = "voice_minute"
    case email
}

/// One cost-bearing operation, as written to the ledger. Amounts are integer nano-units of the
/// tenant's currency (1e-9), so sums are exact.
public struct CostEntry: Sendable, Hashable {
    public var tenantID: String
    public var channelID: String?
    public var kind: CostKind
    /// How many units (tokens, segments, minutes, emails).
    public var quantity: Int64
    /// The unit's name (`input_token`, `output_token`, `segment`, `minute`, `email`).
    public var unit: String
    /// The price of one unit, in nano-units of the currency.
    public var unitPriceNanos: Int64
    /// `quantity × unitPriceNanos`.
    public var amountNanos: Int64 { quantity * unitPriceNanos }
    /// What it was (the model name, a message id).
    public var reference: String?

    public init(tenantID: String, channelID: String?, kind: CostKind, quantity: Int64, unit: String, unitPriceNanos: Int64, reference: String? = nil) {
        self.tenantID = tenantID
        self.channelID = channelID
        self.kind = kind
        self.quantity = quantity
        self.unit = unit
        self.unitPriceNanos = unitPriceNanos
        self.reference = reference
    }
}

/// Money set aside for an expensive call before it is made, so concurrent calls cannot together
/// overspend the budget. Settled with the actual costs, or released.
public struct BudgetReservation: Sendable, Hashable {
    public var id: String
    public var tenantID: String
    public var amountNanos: Int64

    public init(id: String, tenantID: String, amountNanos: Int64) {
        self.id = id
        self.tenantID = tenantID
        self.amountNanos = amountNanos
    }
}

/// The budget gate an expensive operation goes through.
public protocol CostGate: Sendable {
    /// Sets `amountNanos` aside if the tenant's monthly budget still has room for it (spent +
    /// reserved + amount ≤ limit); nil when it has not.
    func reserve(tenantID: String, amountNanos: Int64) async throws -> BudgetReservation?
    /// Replaces the reservation with the actual costs in the ledger.
    func settle(_ reservation: BudgetReservation, with entries: [CostEntry]) async throws
    /// Gives the reservation back unused (the call was not made or cost nothing).
    func release(_ reservation: BudgetReservation) async throws
}
