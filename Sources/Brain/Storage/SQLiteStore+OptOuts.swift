import ChannelKit
import GRDB

extension SQLiteStore {
    /// v6: addresses that opted out of a channel kind (SMS STOP) until they opt back in.
    static func registerOptOutMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6: opt-outs") { db in
            try db.execute(sql: """
                CREATE TABLE opt_outs (
                    tenant_id TEXT NOT NULL,
                    channel_kind TEXT NOT NULL,
                    address TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (tenant_id, channel_kind, address)
                );
                """)
        }
    }

    /// Records (or lifts) an opt-out of `address` (the channel user id) on a kind of channel.
    public func setOptedOut(_ optedOut: Bool, address: String, kind: ChannelKind, tenantID: String) async throws {
        let now = Self.now()
        try await pool.write { db in
            if optedOut {
                try db.executeCached(
                    sql: "INSERT INTO opt_outs (tenant_id, channel_kind, address, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    arguments: [tenantID, kind.rawValue, address, now]
                )
            } else {
                try db.executeCached(
                    sql: "DELETE FROM opt_outs WHERE tenant_id = ? AND channel_kind = ? AND address = ?",
                    arguments: [tenantID, kind.rawValue, address]
                )
            }
        }
    }

    /// Whether `address` opted out of the kind of channel.
    public func isOptedOut(address: String, kind: ChannelKind, tenantID: String) async throws -> Bool {
        try await pool.read { db in
            try Bool.fetchOneCached(
                db,
                sql: "SELECT 1 FROM opt_outs WHERE tenant_id = ? AND channel_kind = ? AND address = ?",
                arguments: [tenantID, kind.rawValue, address]
            ) ?? false
        }
    }
}
