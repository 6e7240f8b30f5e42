import Foundation
import GRDB

extension SQLiteStore {
    /// A tenant's analytics between two instants (`from` inclusive, `to` exclusive); the cache
    /// counters are per UTC day, from `from`'s day to the day before `to`'s.
    public func analytics(tenantID: String, from: Date, to: Date) async throws -> TenantAnalytics {
        let start = from.milliseconds
        let end = to.milliseconds
        let days = (Self.day(from), Self.day(to.addingTimeInterval(-0.001)))
        return try await pool.read { db in
            let messages = try Row.fetchAll(
                db,
                sql: """
                    SELECT strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') AS day, channel_id,
                           SUM(direction = 'inbound') AS inbound, SUM(direction = 'outbound') AS outbound
                    FROM messages WHERE tenant_id = ? AND created_at >= ? AND created_at < ?
                    GROUP BY day, channel_id ORDER BY day, channel_id
                    """,
                arguments: [tenantID, start, end]
            ).map { TenantAnalytics.DailyMessages(day: $0["day"], channelID: $0["channel_id"], inbound: $0["inbound"], outbound: $0["outbound"]) }
            let waits = try Row.fetchAll(
                db,
                sql: """
                    SELECT (SELECT MIN(o.created_at) FROM messages o
                            WHERE o.conversation_id = i.conversation_id AND o.tenant_id = i.tenant_id
                              AND o.direction = 'outbound' AND o.created_at >= i.created_at) - i.created_at AS wait
                    FROM messages i
                    WHERE i.tenant_id = ? AND i.direction = 'inbound' AND i.blocked_reason IS NULL
                      AND i.created_at >= ? AND i.created_at < ?
                    """,
                arguments: [tenantID, start, end]
            ).map { $0["wait"] as Int64? }
            let cache = try Row.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(hits), 0) AS hits, COALESCE(SUM(misses), 0) AS misses, COALESCE(SUM(saved_nanos), 0) AS saved
                    FROM semantic_cache_stats WHERE tenant_id = ? AND day >= ? AND day <= ?
                    """,
                arguments: [tenantID, days.0, days.1]
            )
            let costs = try Row.fetchAll(
                db,
                sql: """
                    SELECT kind, channel_id, unit, SUM(quantity) AS quantity, SUM(amount_nanos) AS amount FROM cost_ledger
                    WHERE tenant_id = ? AND created_at >= ? AND created_at < ?
                    GROUP BY kind, channel_id, unit ORDER BY kind, channel_id
                    """,
                arguments: [tenantID, start, end]
            ).map { TenantAnalytics.Cost(kind: $0["kind"], channelID: $0["channel_id"], quantity: $0["quantity"], unit: $0["unit"], amountNanos: $0["amount"]) }
            let blocked = try Row.fetchAll(
                db,
                sql: """
                    SELECT blocked_reason, COUNT(*) AS n FROM messages
                    WHERE tenant_id = ? AND blocked_reason IS NOT NULL AND created_at >= ? AND created_at < ?
                    GROUP BY blocked_reason
                    """,
                arguments: [tenantID, start, end]
            )
            return TenantAnalytics(
                messages: messages,
                responseTimes: waits.compactMap { $0 }.sorted(),
                unanswered: waits.count { $0 == nil },
                cacheHits: cache?["hits"] ?? 0, cacheMisses: cache?["misses"] ?? 0, cacheSavedNanos: cache?["saved"] ?? 0,
                costs: costs,
                blocked: Dictionary(uniqueKeysWithValues: blocked.map { ($0["blocked_reason"] as String, $0["n"] as Int) })
            )
        }
    }

    /// The tenant's cost ledger rows between two instants, oldest first.
    public func costLedger(tenantID: String, from: Date, to: Date) async throws -> [CostLedgerRow] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM cost_ledger WHERE tenant_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at, id",
                arguments: [tenantID, from.milliseconds, to.milliseconds]
            ).map {
                CostLedgerRow(
                    createdAt: Date(milliseconds: $0["created_at"]), channelID: $0["channel_id"], kind: $0["kind"], quantity: $0["quantity"],
                    unit: $0["unit"], unitPriceNanos: $0["unit_price_nanos"], amountNanos: $0["amount_nanos"], reference: $0["reference"]
                )
            }
        }
    }

    private static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
