import ChannelKit
import Foundation
import GRDB

extension SQLiteStore {
    /// Stores an inbound message unless the channel already delivered the same provider id.
    /// Returns before the pipeline runs: this is what the provider's 2xx waits for.
    ///
    /// `claimed` stores new rows as already `processing`, for a caller that runs the pipeline
    /// itself within the request (channels whose reply travels in the webhook's response); the
    /// worker never takes them, and a restart hands any left over to the worker.
    public func acceptInbound(_ messages: [InboundMessage], on channel: ChannelRef, requestID: String?, remoteAddress: String? = nil, claimed: Bool = false) async throws -> [InboxAcceptance] {
        let encoder = JSONEncoder()
        let payloads = try messages.map { try encoder.encode($0) }
        let now = Self.now()
        return try await pool.write { db in
            try zip(messages, payloads).map { message, payload in
                try Self.insertInbox(
                    db, message: message, payload: payload, channel: channel, requestID: requestID,
                    remoteAddress: remoteAddress, claimed: claimed, now: now
                )
            }
        }
    }

    /// Inserts one inbox row unless the channel already has the provider id.
    static func insertInbox(
        _ db: Database, message: InboundMessage, payload: Data, channel: ChannelRef, requestID: String?,
        remoteAddress: String?, claimed: Bool, now: Int64
    ) throws -> InboxAcceptance {
        try db.executeCached(
            sql: """
                INSERT INTO inbox (tenant_id, channel_id, channel_kind, provider_message_id, payload, request_id,
                                   remote_address, status, attempts, next_attempt_at, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (channel_id, provider_message_id) DO NOTHING
                """,
            arguments: [channel.tenantID, channel.channelID, channel.kind.rawValue, message.providerMessageID,
                        payload, requestID, remoteAddress, claimed ? "processing" : "pending", claimed ? 1 : 0, now, now]
        )
        return db.changesCount == 1 ? .accepted(id: db.lastInsertedRowID) : .duplicate
    }

    /// Takes up to `limit` due inbox rows for processing, oldest first, marking them `processing`.
    public func claimInbox(limit: Int) async throws -> [InboxItem] {
        let now = Self.now()
        return try await pool.write { db in
            let rows = try Row.fetchAllCached(
                db,
                sql: """
                    UPDATE inbox SET status = 'processing', attempts = attempts + 1
                    WHERE id IN (SELECT id FROM inbox WHERE status = 'pending' AND next_attempt_at <= ?
                                 ORDER BY id LIMIT ?)
                    RETURNING id, tenant_id, channel_id, channel_kind, payload, attempts, request_id, remote_address
                    """,
                arguments: [now, limit]
            )
            let decoder = JSONDecoder()
            return try rows.map { row in
                let kind = ChannelKind(rawValue: row["channel_kind"]) ?? .api
                let payload: Data = row["payload"]
                return InboxItem(
                    id: row["id"],
                    channel: ChannelRef(tenantID: row["tenant_id"], channelID: row["channel_id"], kind: kind),
                    message: try decoder.decode(InboundMessage.self, from: payload),
                    attempts: row["attempts"],
                    requestID: row["request_id"],
                    remoteAddress: row["remote_address"]
                )
            }.sorted { $0.id < $1.id }
        }
    }

    /// Puts rows left `processing` by a stopped gateway back in the queue. Called at start-up,
    /// before the worker runs: with SQLite, one gateway owns the file.
    @discardableResult
    public func requeueInterruptedInbox() async throws -> Int {
        try await pool.write { db in
            try db.executeCached(sql: "UPDATE inbox SET status = 'pending' WHERE status = 'processing'")
            return db.changesCount
        }
    }

    /// Records a processing failure: the row is retried at `retryAt`, or marked `failed` for good.
    public func failInbox(id: Int64, error: String, retryAt: Date?) async throws {
        try await pool.write { db in
            if let retryAt {
                try db.executeCached(
                    sql: "UPDATE inbox SET status = 'pending', last_error = ?, next_attempt_at = ? WHERE id = ?",
                    arguments: [error, retryAt.milliseconds, id]
                )
            } else {
                try db.executeCached(
                    sql: "UPDATE inbox SET status = 'failed', last_error = ?, processed_at = ? WHERE id = ?",
                    arguments: [error, Self.now(), id]
                )
            }
        }
    }

    /// Counts inbox rows by status (for readiness and tests).
    public func inboxCounts() async throws -> [String: Int] {
        try await pool.read { db in
            let rows = try Row.fetchAllCached(db, sql: "SELECT status, COUNT(*) AS n FROM inbox GROUP BY status")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["status"] as String, $0["n"] as Int) })
        }
    }

    /// The earliest time a pending inbox row becomes due, if any.
    public func nextInboxDue() async throws -> Date? {
        try await pool.read { db in
            try Int64.fetchOneCached(db, sql: "SELECT MIN(next_attempt_at) FROM inbox WHERE status = 'pending'")
                .map(Date.init(milliseconds:))
        }
    }
}
