import ChannelKit
import GRDB

extension SQLiteStore {
    /// v7: opt-outs say why (the customer asked, or the provider cannot deliver), and usage
    /// reports are found by their provider reference (a call billed once).
    static func registerUndeliverableMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7: undeliverable addresses, ledger references") { db in
            try db.execute(sql: """
                ALTER TABLE opt_outs ADD COLUMN reason TEXT NOT NULL DEFAULT 'customer';
                CREATE INDEX cost_ledger_by_reference ON cost_ledger(tenant_id, reference);
                """)
        }
    }

    /// Records that the provider will not deliver to `address` on this kind of channel (an
    /// email bounce or spam report): replies to it are not sent. A customer's own opt-out is
    /// kept as it is.
    public func markUndeliverable(address: String, kind: ChannelKind, tenantID: String) async throws {
        let now = Self.now()
        try await pool.write { db in
            try db.executeCached(
                sql: """
                    INSERT INTO opt_outs (tenant_id, channel_kind, address, created_at, reason) VALUES (?, ?, ?, ?, 'undeliverable')
                    ON CONFLICT DO NOTHING
                    """,
                arguments: [tenantID, kind.rawValue, address, now]
            )
        }
    }

    /// The ``optOutReason(address:kind:tenantID:)`` of an address the provider cannot deliver to.
    public static let undeliverableReason = "undeliverable"

    /// Why `address` gets nothing on this kind of channel: `"customer"` (they opted out),
    /// ``undeliverableReason``, or nil when it may be answered.
    public func optOutReason(address: String, kind: ChannelKind, tenantID: String) async throws -> String? {
        try await pool.read { db in
            try String.fetchOneCached(
                db,
                sql: "SELECT reason FROM opt_outs WHERE tenant_id = ? AND channel_kind = ? AND address = ?",
                arguments: [tenantID, kind.rawValue, address]
            )
        }
    }

    /// Lifts an undeliverable mark, because the address just wrote to us; returns whether there
    /// was one. A customer's own opt-out is not lifted.
    public func clearUndeliverable(address: String, kind: ChannelKind, tenantID: String) async throws -> Bool {
        try await pool.write { db in
            try db.executeCached(
                sql: "DELETE FROM opt_outs WHERE tenant_id = ? AND channel_kind = ? AND address = ? AND reason = 'undeliverable'",
                arguments: [tenantID, kind.rawValue, address]
            )
            return db.changesCount > 0
        }
    }
}
