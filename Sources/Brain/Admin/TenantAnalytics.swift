import Foundation

/// What a tenant's assistant did in a period, for the admin API's analytics.
public struct TenantAnalytics: Sendable, Hashable {
    public struct DailyMessages: Sendable, Hashable {
        /// `YYYY-MM-DD`, UTC.
        public var day: String
        public var channelID: String
        public var inbound: Int
        public var outbound: Int
    }

    public struct Cost: Sendable, Hashable {
        public var kind: String
        public var channelID: String?
        public var quantity: Int64
        public var unit: String
        public var amountNanos: Int64
    }

    public var messages: [DailyMessages]
    /// Milliseconds from each answered customer message to the first reply after it.
    public var responseTimes: [Int64]
    /// Customer messages that got no reply (handed to a human who has not answered, silent).
    public var unanswered: Int
    public var cacheHits: Int
    public var cacheMisses: Int
    public var cacheSavedNanos: Int64
    public var costs: [Cost]
    /// Messages stored but not answered, by the guard's (or the business's) reason.
    public var blocked: [String: Int]
}

/// One row of the cost ledger, for the CSV export.
public struct CostLedgerRow: Sendable, Hashable {
    public var createdAt: Date
    public var channelID: String?
    public var kind: String
    public var quantity: Int64
    public var unit: String
    public var unitPriceNanos: Int64
    public var amountNanos: Int64
    public var reference: String?
}
