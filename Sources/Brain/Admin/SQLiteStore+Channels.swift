import Foundation
import GRDB

extension SQLiteStore {
    /// v12: channels an admin paused.
    static func registerChannelPauseMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12: channel pauses") { db in
            try db.execute(sql: """
                CREATE TABLE channel_pauses (
                    channel_id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    paused_by TEXT NOT NULL,
                    paused_at INTEGER NOT NULL
                );
                """)
        }
    }

    /// Every paused channel.
    public func channelPauses() async throws -> [ChannelPause] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM channel_pauses").map {
                ChannelPause(channelID: $0["channel_id"], pausedBy: $0["paused_by"], pausedAt: Date(milliseconds: $0["paused_at"]))
            }
        }
    }

    /// Pauses or resumes one of the key's tenant's channels, audited in the same transaction.
    /// Returns false when it already was in that state (nothing is audited then).
    @discardableResult
    public func setChannelPaused(_ paused: Bool, channelID: String, by key: APIKeyRecord) async throws -> Bool {
        let now = Self.now()
        return try await pool.write { db in
            if paused {
                try db.execute(
                    sql: "INSERT INTO channel_pauses (channel_id, tenant_id, paused_by, paused_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    arguments: [channelID, key.tenantID, key.name, now]
                )
            } else {
                try db.execute(sql: "DELETE FROM channel_pauses WHERE channel_id = ? AND tenant_id = ?", arguments: [channelID, key.tenantID])
            }
            guard db.changesCount == 1 else { return false }
            try Self.recordAudit(db, key: key, action: paused ? "channel.pause" : "channel.resume", target: channelID, details: nil, now: now)
            return true
        }
    }

    /// Makes the channel's waiting replies due now (after a pause).
    public func retryHeldReplies(channelID: String, tenantID: String) async throws {
        let now = Self.now()
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE outbox SET next_attempt_at = ?, updated_at = ? WHERE channel_id = ? AND tenant_id = ? AND status = 'pending'",
                arguments: [now, now, channelID, tenantID]
            )
        }
    }

    /// A channel's traffic and trouble counts.
    public func channelActivity(channelID: String, tenantID: String) async throws -> ChannelActivity {
        try await pool.read { db in
            let inbound = try Row.fetchOne(
                db,
                sql: "SELECT COUNT(*) AS n, MAX(received_at) AS last, SUM(status = 'failed') AS failed FROM inbox WHERE channel_id = ? AND tenant_id = ?",
                arguments: [channelID, tenantID]
            )
            let outbound = try Row.fetchAll(
                db,
                sql: "SELECT status, COUNT(*) AS n, MAX(updated_at) AS last FROM outbox WHERE channel_id = ? AND tenant_id = ? GROUP BY status",
                arguments: [channelID, tenantID]
            )
            var counts: [String: Int] = [:]
            var lastSent: Int64?
            for row in outbound {
                let status: String = row["status"]
                counts[status] = row["n"]
                if status == "sent" { lastSent = row["last"] }
            }
            return ChannelActivity(
                lastInboundAt: (inbound?["last"] as Int64?).map(Date.init(milliseconds:)),
                lastOutboundAt: lastSent.map(Date.init(milliseconds:)),
                received: inbound?["n"] ?? 0,
                sent: counts["sent", default: 0],
                pending: counts["pending", default: 0] + counts["sending", default: 0],
                failed: counts["dead", default: 0],
                uncertain: counts["uncertain", default: 0],
                processingFailures: (inbound?["failed"] as Int?) ?? 0
            )
        }
    }
}
