import ChannelKit
import Foundation
import GRDB

extension SQLiteStore {
    /// Takes up to `limit` due outbox rows for sending, oldest first, marking them `sending`.
    public func claimOutbox(limit: Int) async throws -> [OutboxItem] {
        let now = Self.now()
        return try await pool.write { db in
            let rows = try Row.fetchAllCached(
                db,
                sql: """
                    UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ?
                    WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
                                 ORDER BY id LIMIT ?)
                    RETURNING id, tenant_id, channel_id, message_id, reply, address, attempts, parts_sent
                    """,
                arguments: [now, now, limit]
            )
            let decoder = JSONDecoder()
            return try rows.map { row in
                let reply: Data = row["reply"]
                let address: Data = row["address"]
                return OutboxItem(
                    id: row["id"], tenantID: row["tenant_id"], channelID: row["channel_id"], messageID: row["message_id"],
                    reply: try decoder.decode(OutboundMessage.self, from: reply),
                    address: try decoder.decode(ConversationAddress.self, from: address),
                    attempts: row["attempts"], partsSent: row["parts_sent"]
                )
            }.sorted { $0.id < $1.id }
        }
    }

    /// Records that the provider accepted one rendered part (0-based `part`) of an outbox row.
    public func recordPartSent(_ item: OutboxItem, part: Int, providerMessageID: String?) async throws {
        let now = Self.now()
        try await pool.write { db in
            try db.executeCached(
                sql: "UPDATE outbox SET parts_sent = ?, updated_at = ? WHERE id = ?",
                arguments: [part + 1, now, item.id]
            )
            guard let providerMessageID else { return }
            try db.executeCached(
                sql: """
                    INSERT INTO outbound_parts (channel_id, provider_message_id, message_id, part) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """,
                arguments: [item.channelID, providerMessageID, item.messageID, part]
            )
            if part == 0 {
                try db.executeCached(
                    sql: "UPDATE messages SET provider_message_id = ? WHERE id = ? AND tenant_id = ?",
                    arguments: [providerMessageID, item.messageID, item.tenantID]
                )
            }
        }
    }

    /// Marks an outbox row delivered to the provider.
    public func markSent(_ item: OutboxItem) async throws {
        try await finish(item, outboxStatus: "sent", messageStatus: "sent", error: nil)
    }

    /// Gives up on an outbox row: the provider refused it, or every attempt failed.
    public func markDead(_ item: OutboxItem, error: String) async throws {
        try await finish(item, outboxStatus: "dead", messageStatus: "failed", error: error)
    }

    /// Records that the provider may or may not have the message (timeout after sending). It is
    /// not resent automatically, so the customer never gets it twice.
    public func markUncertain(_ item: OutboxItem, error: String) async throws {
        try await finish(item, outboxStatus: "uncertain", messageStatus: "uncertain", error: error)
    }

    /// Puts an outbox row back in the queue until `date`. `countsAsAttempt` false gives back the
    /// attempt the claim took (the channel was paused or disabled, nothing was tried).
    public func retryOutbox(_ item: OutboxItem, at date: Date, error: String, countsAsAttempt: Bool = true) async throws {
        let now = Self.now()
        try await pool.write { db in
            try db.executeCached(
                sql: """
                    UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?, updated_at = ?,
                                      attempts = attempts - ?
                    WHERE id = ?
                    """,
                arguments: [date.milliseconds, error, now, countsAsAttempt ? 0 : 1, item.id]
            )
        }
    }

    /// At start-up: rows left `sending` by a gateway that stopped mid-request may have reached the
    /// provider, so they become `uncertain` rather than being resent. Rows that had not started a
    /// request yet are not `sending` (a graceful shutdown puts them back to `pending`).
    ///
    /// Rows of `requeueing` channels go back to `pending` instead: their delivery is idempotent
    /// (a live channel's transcript keeps one entry per reply part).
    @discardableResult
    public func resolveInterruptedOutbox(requeueing channelIDs: [String] = []) async throws -> Int {
        let now = Self.now()
        return try await pool.write { db in
            for channelID in channelIDs {
                try db.executeCached(
                    sql: "UPDATE outbox SET status = 'pending', attempts = MAX(attempts - 1, 0), updated_at = ? WHERE status = 'sending' AND channel_id = ?",
                    arguments: [now, channelID]
                )
            }
            try db.executeCached(
                sql: """
                    UPDATE messages SET delivery_status = 'uncertain',
                                        delivery_error = 'the gateway stopped while sending; not resent to avoid a duplicate'
                    WHERE id IN (SELECT message_id FROM outbox WHERE status = 'sending')
                    """
            )
            try db.executeCached(
                sql: """
                    UPDATE outbox SET status = 'uncertain', updated_at = ?,
                                      last_error = 'the gateway stopped while sending; not resent to avoid a duplicate'
                    WHERE status = 'sending'
                    """,
                arguments: [now]
            )
            return db.changesCount
        }
    }

    /// Applies a provider's delivery report to the message it refers to. Status only moves
    /// forward (sent → delivered → read); `failed` is final. Returns whether a message matched.
    @discardableResult
    public func applyReceipt(_ receipt: DeliveryReceipt, on channel: ChannelRef) async throws -> Bool {
        try await pool.write { db in
            guard let messageID = try String.fetchOneCached(
                db,
                sql: "SELECT message_id FROM outbound_parts WHERE channel_id = ? AND provider_message_id = ?",
                arguments: [channel.channelID, receipt.providerMessageID]
            ) else { return false }
            let rank = "CASE delivery_status WHEN 'queued' THEN 0 WHEN 'uncertain' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 9 ELSE 0 END"
            let newRank: Int = switch receipt.status {
            case .queued, .uncertain: 0
            case .sent: 1
            case .delivered: 2
            case .read: 3
            case .failed: 4
            }
            let error = receipt.status == .failed
                ? [receipt.errorCode, receipt.errorDescription].compactMap { $0 }.joined(separator: ": ")
                : nil
            try db.executeCached(
                sql: """
                    UPDATE messages SET delivery_status = ?, delivery_error = COALESCE(?, delivery_error)
                    WHERE id = ? AND tenant_id = ? AND \(rank) < ?
                    """,
                arguments: [receipt.status.rawValue, error, messageID, channel.tenantID, newRank]
            )
            return true
        }
    }

    /// Counts outbox rows by status (for readiness and tests).
    public func outboxCounts() async throws -> [String: Int] {
        try await pool.read { db in
            let rows = try Row.fetchAllCached(db, sql: "SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["status"] as String, $0["n"] as Int) })
        }
    }

    /// The last error recorded on an outbox row of a message, with its status and attempts.
    public func outboxState(messageID: String) async throws -> (status: String, attempts: Int, lastError: String?)? {
        try await pool.read { db in
            try Row.fetchOneCached(db, sql: "SELECT status, attempts, last_error FROM outbox WHERE message_id = ?", arguments: [messageID])
                .map { ($0["status"], $0["attempts"], $0["last_error"]) }
        }
    }

    /// The earliest time a pending outbox row becomes due, if any.
    public func nextOutboxDue() async throws -> Date? {
        try await pool.read { db in
            try Int64.fetchOneCached(db, sql: "SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'")
                .map(Date.init(milliseconds:))
        }
    }

    private func finish(_ item: OutboxItem, outboxStatus: String, messageStatus: String, error: String?) async throws {
        let now = Self.now()
        try await pool.write { db in
            try db.executeCached(
                sql: "UPDATE outbox SET status = ?, last_error = ?, updated_at = ? WHERE id = ?",
                arguments: [outboxStatus, error, now, item.id]
            )
            // A receipt may already have moved the message past `sent`; never move it back.
            try db.executeCached(
                sql: """
                    UPDATE messages SET delivery_status = ?, delivery_error = ?
                    WHERE id = ? AND tenant_id = ? AND (delivery_status IS NULL OR delivery_status IN ('queued', 'uncertain'))
                    """,
                arguments: [messageStatus, error, item.messageID, item.tenantID]
            )
        }
    }

    /// The reply the pipeline made to an inbound message (by the provider's id), if any: a
    /// provider retrying a webhook whose answer was the reply gets the same answer again.
    public func reply(toInbound providerMessageID: String, channelID: String, tenantID: String) async throws -> OutboundMessage? {
        let payload = try await pool.read { db in
            try Data.fetchOneCached(
                db,
                sql: """
                    SELECT reply FROM outbox
                    WHERE tenant_id = ? AND channel_id = ? AND json_extract(CAST(address AS TEXT), '$.inReplyTo') = ?
                    ORDER BY id DESC LIMIT 1
                    """,
                arguments: [tenantID, channelID, providerMessageID]
            )
        }
        return try payload.map { try JSONDecoder().decode(OutboundMessage.self, from: $0) }
    }
}
