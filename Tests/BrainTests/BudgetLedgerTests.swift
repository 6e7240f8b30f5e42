import Foundation
import GRDB
import Logging
import Synchronization
import Testing

@testable import Brain

/// Collects log levels and messages in memory (tests never bootstrap the logging system).
final class BudgetLogSink: Sendable {
    private let entries = Mutex<[(level: Logger.Level, message: String, metadata: Logger.Metadata)]>([])

    var all: [(level: Logger.Level, message: String, metadata: Logger.Metadata)] { entries.withLock { $0 } }

    func logger() -> Logger {
        Logger(label: "test") { _ in Handler(sink: self) }
    }

    struct Handler: LogHandler {
        let sink: BudgetLogSink
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
            sink.entries.withLock { $0.append((event.level, event.message.description, merged)) }
        }
    }
}

@Suite struct BudgetLedgerTests {
    /// 2025-10-15 12:00 UTC.
    static let october = Date(timeIntervalSince1970: 1_760_529_600)
    /// 2025-11-01 00:00:01 UTC.
    static let november = Date(timeIntervalSince1970: 1_761_955_201)
    let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    func tenants(limit: Double) -> TenantDirectory {
        TenantDirectory([
            TenantProfile(id: "bakery", name: "Bakery", budget: TenantBudget(monthlyLimit: limit)),
            TenantProfile(id: "florist", name: "Florist", budget: TenantBudget(monthlyLimit: limit)),
        ])
    }

    func ledger(_ store: SQLiteStore, limit: Double, at date: Date = october, logger: Logger? = nil) -> BudgetLedger {
        BudgetLedger(store: store, tenants: tenants(limit: limit), logger: logger ?? quiet, now: { date })
    }

    func tokens(_ count: Int64, at priceNanos: Int64, tenant: String = "bakery", reference: String = "gpt-test") -> CostEntry {
        CostEntry(tenantID: tenant, channelID: "bakery-api", kind: .modelCall, quantity: count, unit: "output_token",
                  unitPriceNanos: priceNanos, reference: reference)
    }

    @Test func reservesWhileThereIsRoomAndReleasesIt() async throws {
        try await withTestStore { store, _ in
            let ledger = ledger(store, limit: 0.01) // 10 000 000 nanos
            let first = try #require(try await ledger.reserve(tenantID: "bakery", amountNanos: 6_000_000))
            #expect(try await ledger.reserve(tenantID: "bakery", amountNanos: 5_000_000) == nil)
            #expect(try await ledger.state(tenantID: "bakery").reservedNanos == 6_000_000)
            try await ledger.release(first)
            #expect(try await ledger.reserve(tenantID: "bakery", amountNanos: 10_000_000) != nil)
            #expect(try await ledger.reserve(tenantID: "bakery", amountNanos: 1) == nil)
            let state = try await ledger.state(tenantID: "bakery")
            #expect(state.isExhausted)
            #expect(state.remainingNanos == 0)
            #expect(state.spentNanos == 0)
        }
    }

    @Test func concurrentReservationsNeverOverspend() async throws {
        try await withTestStore { store, _ in
            let amount: Int64 = 1_000_000
            let ledger = ledger(store, limit: 0.007) // exactly 7 × amount
            #expect(TenantBudget(monthlyLimit: 0.007).limitNanos == 7 * amount)
            let granted = try await withThrowingTaskGroup(of: BudgetReservation?.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await ledger.reserve(tenantID: "bakery", amountNanos: amount) }
                }
                var granted: [BudgetReservation] = []
                for try await reservation in group {
                    if let reservation { granted.append(reservation) }
                }
                return granted
            }
            #expect(granted.count == 7)

            try await withThrowingTaskGroup(of: Void.self) { group in
                for reservation in granted {
                    group.addTask { try await ledger.settle(reservation, with: [tokens(400, at: 2_500)]) }
                }
                try await group.waitForAll()
            }
            let sum = try await store.pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT SUM(amount_nanos) FROM cost_ledger WHERE tenant_id = 'bakery'") ?? 0
            }
            #expect(sum == 7 * amount)
            #expect(sum <= TenantBudget(monthlyLimit: 0.007).limitNanos)
            let state = try await ledger.state(tenantID: "bakery")
            #expect(state.spentNanos == 7 * amount)
            #expect(state.reservedNanos == 0)
            #expect(state.isExhausted)
            #expect(state.fraction == 1)
            #expect(try await ledger.reserve(tenantID: "bakery", amountNanos: 1) == nil)
        }
    }

    @Test func ledgerRowsHoldExactlyWhatWasSettled() async throws {
        try await withTestStore { store, _ in
            let ledger = ledger(store, limit: 50)
            let hold = try #require(try await ledger.reserve(tenantID: "bakery", amountNanos: 5_000_000))
            let entries = [
                CostEntry(tenantID: "bakery", channelID: "bakery-api", kind: .modelCall, quantity: 1_234, unit: "input_token", unitPriceNanos: 150, reference: "gpt-4o-mini"),
                CostEntry(tenantID: "bakery", channelID: "bakery-api", kind: .modelCall, quantity: 321, unit: "output_token", unitPriceNanos: 600, reference: "gpt-4o-mini"),
                CostEntry(tenantID: "bakery", channelID: nil, kind: .embedding, quantity: 40, unit: "token", unitPriceNanos: 20),
            ]
            try await ledger.settle(hold, with: entries)
            let rows = try await store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM cost_ledger WHERE tenant_id = 'bakery' ORDER BY id").map { row -> [String] in
                    let channel: String? = row["channel_id"]
                    let reference: String? = row["reference"]
                    return [row["kind"], channel ?? "-", "\(row["quantity"] as Int64)", row["unit"], "\(row["unit_price_nanos"] as Int64)",
                            "\(row["amount_nanos"] as Int64)", reference ?? "-", row["month"]]
                }
            }
            #expect(rows == [
                ["model_call", "bakery-api", "1234", "input_token", "150", "185100", "gpt-4o-mini", "2025-10"],
                ["model_call", "bakery-api", "321", "output_token", "600", "192600", "gpt-4o-mini", "2025-10"],
                ["embedding", "-", "40", "token", "20", "800", "-", "2025-10"],
            ])
            let state = try await ledger.state(tenantID: "bakery")
            #expect(state.spentNanos == entries.map(\.amountNanos).reduce(0, +))
            #expect(state.reservedNanos == 0)
        }
    }

    @Test func alertsOnceAtEachThresholdWithWarningsThenAnError() async throws {
        try await withTestStore { store, _ in
            let sink = BudgetLogSink()
            let ledger = ledger(store, limit: 1, logger: sink.logger()) // 1 000 000 000 nanos
            let pricing = Pricing(smsSegment: 0.01)
            try await ledger.record([pricing.smsCost(tenantID: "bakery", channelID: "bakery-sms", segments: 74)])
            #expect(try await ledger.state(tenantID: "bakery").alerts.isEmpty)

            try await ledger.record([pricing.smsCost(tenantID: "bakery", channelID: "bakery-sms", segments: 1)])
            #expect(try await ledger.state(tenantID: "bakery").alerts.map(\.threshold) == [75])

            // One step past 90 % and 100 % at once: both alerts, each once.
            let hold = try #require(try await ledger.reserve(tenantID: "bakery", amountNanos: 250_000_000))
            try await ledger.settle(hold, with: [tokens(1_000, at: 250_000)])
            try await ledger.record([pricing.smsCost(tenantID: "bakery", channelID: "bakery-sms", segments: 3)])
            let state = try await ledger.state(tenantID: "bakery")
            #expect(state.alerts.map(\.threshold) == [75, 90, 100])
            #expect(state.alerts.map(\.spentNanos) == [750_000_000, 1_000_000_000, 1_000_000_000])
            #expect(state.spentNanos == 1_030_000_000)
            #expect(state.isExhausted)

            let alerts = sink.all.filter { $0.message == "monthly budget threshold reached" }
            #expect(alerts.map(\.level) == [.warning, .warning, .error])
            #expect(alerts.map { $0.metadata["budget.threshold"]?.description } == ["75%", "90%", "100%"])

            // The other tenant has spent nothing and has no alerts.
            let florist = try await ledger.state(tenantID: "florist")
            #expect(florist.spentNanos == 0)
            #expect(florist.alerts.isEmpty)
        }
    }

    @Test func aNewMonthStartsFromZero() async throws {
        try await withTestStore { store, _ in
            let inOctober = ledger(store, limit: 0.01, at: Self.october)
            try await inOctober.record([tokens(1, at: 10_000_000)])
            #expect(try await inOctober.state(tenantID: "bakery").isExhausted)
            #expect(try await inOctober.reserve(tenantID: "bakery", amountNanos: 1) == nil)

            let inNovember = ledger(store, limit: 0.01, at: Self.november)
            let state = try await inNovember.state(tenantID: "bakery")
            #expect(state.month == "2025-11")
            #expect(state.spentNanos == 0)
            #expect(state.alerts.isEmpty)
            #expect(try await inNovember.reserve(tenantID: "bakery", amountNanos: 10_000_000) != nil)
        }
    }

    @Test func abandonedReservationsStopHoldingMoney() async throws {
        try await withTestStore { store, _ in
            let before = ledger(store, limit: 0.01)
            let abandoned = try #require(try await before.reserve(tenantID: "bakery", amountNanos: 10_000_000))
            #expect(try await before.reserve(tenantID: "bakery", amountNanos: 1) == nil)

            let later = ledger(store, limit: 0.01, at: Self.october.addingTimeInterval(16 * 60))
            #expect(try await later.state(tenantID: "bakery").reservedNanos == 0)
            let fresh = try #require(try await later.reserve(tenantID: "bakery", amountNanos: 4_000_000))
            // Settling the abandoned one still records what was spent.
            try await later.settle(abandoned, with: [tokens(1, at: 3_000_000)])
            try await later.release(fresh)
            let state = try await later.state(tenantID: "bakery")
            #expect(state.spentNanos == 3_000_000)
            #expect(state.reservedNanos == 0)
        }
    }

    @Test func tenantsHaveSeparateBudgets() async throws {
        try await withTestStore { store, _ in
            let ledger = ledger(store, limit: 0.01)
            try await ledger.record([tokens(1, at: 10_000_000, tenant: "florist")])
            #expect(try await ledger.reserve(tenantID: "florist", amountNanos: 1) == nil)
            #expect(try await ledger.reserve(tenantID: "bakery", amountNanos: 10_000_000) != nil)
        }
    }

    @Test func rejectsWhatMakesNoSense() async throws {
        try await withTestStore { store, _ in
            let ledger = ledger(store, limit: 1)
            await #expect(throws: BudgetError.self) { try await ledger.reserve(tenantID: "bakery", amountNanos: -1) }
            await #expect(throws: BudgetError.self) { try await ledger.reserve(tenantID: "nobody", amountNanos: 1) }
            await #expect(throws: BudgetError.self) { try await ledger.state(tenantID: "nobody") }
            let hold = try #require(try await ledger.reserve(tenantID: "bakery", amountNanos: 10))
            await #expect(throws: BudgetError.self) { try await ledger.settle(hold, with: [tokens(1, at: 1, tenant: "florist")]) }
            await #expect(throws: BudgetError.self) { try await ledger.record([tokens(-1, at: 1)]) }
            await #expect(throws: BudgetError.self) { try await ledger.record([tokens(.max, at: 2)]) }
            // Nothing was written by the refused calls.
            #expect(try await ledger.state(tenantID: "bakery").spentNanos == 0)
            #expect(try await ledger.state(tenantID: "florist").spentNanos == 0)
        }
    }
}
