import Foundation
import GRDB

extension SQLiteStore {
    /// v5: where each polling channel's next poll starts.
    static func registerCursorMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5: channel cursors") { db in
            try db.execute(sql: """
                CREATE TABLE channel_cursors (
                    channel_id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    cursor TEXT NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                """)
        }
    }

    /// The stored poll cursor of a channel, if it polled before.
    public func cursor(channelID: String, tenantID: String) async throws -> String? {
        try await pool.read { db in
            try String.fetchOneCached(db, sql: "SELECT cursor FROM channel_cursors WHERE channel_id = ? AND tenant_id = ?", arguments: [channelID, tenantID])
        }
    }

    /// Stores a channel's poll cursor (after the polled messages are in the inbox).
    public func saveCursor(_ cursor: String, channelID: String, tenantID: String) async throws {
        let now = Self.now()
        try await pool.write { db in
            try db.executeCached(
                sql: """
                    INSERT INTO channel_cursors (channel_id, tenant_id, cursor, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (channel_id) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at
                    """,
                arguments: [channelID, tenantID, cursor, now]
            )
        }
    }

    /// When the customer last wrote in the conversation of an outbound message (for reply windows).
    public func lastInbound(beforeReply messageID: String, tenantID: String) async throws -> Date? {
        try await pool.read { db in
            try Int64.fetchOneCached(
                db,
                sql: """
                    SELECT MAX(created_at) FROM messages
                    WHERE tenant_id = ? AND direction = 'inbound'
                      AND conversation_id = (SELECT conversation_id FROM messages WHERE id = ? AND tenant_id = ?)
                    """,
                arguments: [tenantID, messageID, tenantID]
            ).map(Date.init(milliseconds:))
        }
    }
}
