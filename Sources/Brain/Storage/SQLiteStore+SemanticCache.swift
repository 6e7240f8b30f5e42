import Foundation
import GRDB

extension SQLiteStore {
    /// v9: the semantic answer cache (entries as JSON, per tenant and scope) and its per-tenant
    /// daily counters for analytics.
    static func registerSemanticCacheMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9: semantic cache") { db in
            try db.execute(sql: """
                CREATE TABLE semantic_cache (
                    id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    scope TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    cost_nanos INTEGER NOT NULL DEFAULT 0,
                    expires_at INTEGER NOT NULL
                );
                CREATE INDEX semantic_cache_by_tenant ON semantic_cache(tenant_id, scope);
                CREATE TABLE semantic_cache_stats (
                    tenant_id TEXT NOT NULL,
                    day TEXT NOT NULL,
                    hits INTEGER NOT NULL DEFAULT 0,
                    misses INTEGER NOT NULL DEFAULT 0,
                    saved_nanos INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (tenant_id, day)
                );
                """)
        }
    }

    /// Stores (or replaces) a cache entry with what making its answer cost (nano-units): a hit
    /// saves that much.
    public func saveCacheEntry(_ entry: SemanticCacheEntry, costNanos: Int64) async throws {
        let payload = try JSONEncoder().encode(entry)
        try await pool.write { db in
            try db.executeCached(
                sql: """
                    INSERT INTO semantic_cache (id, tenant_id, scope, payload, cost_nanos, expires_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, expires_at = excluded.expires_at
                    """,
                arguments: [entry.id.uuidString, entry.scope.tenantID, entry.scope.description, payload, costNanos, entry.expiresAt.milliseconds]
            )
        }
    }

    /// Every unexpired entry with its cost, for rebuilding the cache at start-up; expired ones
    /// are deleted.
    public func loadCacheEntries(now: Date = Date()) async throws -> [(entry: SemanticCacheEntry, costNanos: Int64)] {
        let rows = try await pool.write { db -> [(Data, Int64)] in
            try db.execute(sql: "DELETE FROM semantic_cache WHERE expires_at <= ?", arguments: [now.milliseconds])
            return try Row.fetchAll(db, sql: "SELECT payload, cost_nanos FROM semantic_cache ORDER BY rowid").map { ($0["payload"], $0["cost_nanos"]) }
        }
        let decoder = JSONDecoder()
        return rows.compactMap { row in (try? decoder.decode(SemanticCacheEntry.self, from: row.0)).map { ($0, row.1) } }
    }

    /// Deletes cache entries by id.
    public func deleteCacheEntries(ids: [UUID]) async throws {
        guard !ids.isEmpty else { return }
        try await pool.write { db in
            for id in ids {
                try db.executeCached(sql: "DELETE FROM semantic_cache WHERE id = ?", arguments: [id.uuidString])
            }
        }
    }

    /// Counts a lookup for the tenant's analytics: a hit with what it saved, or a miss.
    public func countCacheLookup(tenantID: String, hit: Bool, savedNanos: Int64, at date: Date = Date()) async throws {
        let day = Self.dayKey(date)
        try await pool.write { db in
            try db.executeCached(
                sql: """
                    INSERT INTO semantic_cache_stats (tenant_id, day, hits, misses, saved_nanos) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (tenant_id, day) DO UPDATE SET hits = hits + excluded.hits, misses = misses + excluded.misses,
                        saved_nanos = saved_nanos + excluded.saved_nanos
                    """,
                arguments: [tenantID, day, hit ? 1 : 0, hit ? 0 : 1, savedNanos]
            )
        }
    }

    /// The tenant's cache hits, misses and saved cost (nano-units) since `day` (`yyyy-MM-dd`, UTC).
    public func cacheStatistics(tenantID: String, since day: String = "0000-00-00") async throws -> (hits: Int, misses: Int, savedNanos: Int64) {
        try await pool.read { db in
            let row = try Row.fetchOne(
                db,
                sql: "SELECT COALESCE(SUM(hits), 0) AS hits, COALESCE(SUM(misses), 0) AS misses, COALESCE(SUM(saved_nanos), 0) AS saved FROM semantic_cache_stats WHERE tenant_id = ? AND day >= ?",
                arguments: [tenantID, day]
            )
            return (row?["hits"] ?? 0, row?["misses"] ?? 0, row?["saved"] ?? 0)
        }
    }

    static func dayKey(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
