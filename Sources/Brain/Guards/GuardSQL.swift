import GRDB

/// The guards' statements, run inside the caller's transaction. Every one is scoped by tenant.
enum GuardSQL {
    /// Adds one to a counter and returns its new value, atomically: counters survive restarts and
    /// concurrent messages cannot both read the old value.
    static func increment(_ db: Database, tenantID: String, key: String, windowStart: Int64) throws -> Int {
        try Int.fetchOneCached(
            db,
            sql: """
                INSERT INTO guard_counters (tenant_id, key, window_start, count) VALUES (?, ?, ?, 1)
                ON CONFLICT (tenant_id, key, window_start) DO UPDATE SET count = count + 1
                RETURNING count
                """,
            arguments: [tenantID, key, windowStart]
        ) ?? 1
    }

    /// How many of the customer's inbound messages got through the guards, counting up to `cap`
    /// (the trust level needs no more). `excluding` is this message, in case it was stored before.
    static func acceptedMessages(_ db: Database, tenantID: String, customerID: String, excluding message: MessageKey, cap: Int) throws -> Int {
        try Int.fetchOneCached(
            db,
            sql: """
                SELECT COUNT(*) FROM (
                    SELECT 1 FROM messages
                    WHERE tenant_id = ? AND customer_id = ? AND direction = 'inbound' AND blocked_reason IS NULL
                      AND NOT (channel_id = ? AND provider_message_id IS ?)
                    LIMIT ?)
                """,
            arguments: [tenantID, customerID, message.channelID, message.providerMessageID, cap]
        ) ?? 0
    }

    /// How many inbound messages the customer sent (blocked ones included) after `since` (ms).
    static func inboundCount(_ db: Database, tenantID: String, customerID: String, since: Int64, excluding message: MessageKey) throws -> Int {
        try Int.fetchOneCached(
            db,
            sql: """
                SELECT COUNT(*) FROM messages
                WHERE tenant_id = ? AND customer_id = ? AND direction = 'inbound' AND created_at > ?
                  AND NOT (channel_id = ? AND provider_message_id IS ?)
                """,
            arguments: [tenantID, customerID, since, message.channelID, message.providerMessageID]
        ) ?? 0
    }

    /// The texts of the customer's inbound messages (blocked ones included) after `since` (ms),
    /// newest first, at most `limit`.
    static func inboundTexts(_ db: Database, tenantID: String, customerID: String, since: Int64, excluding message: MessageKey, limit: Int) throws -> [String] {
        try String.fetchAllCached(
            db,
            sql: """
                SELECT text FROM messages
                WHERE tenant_id = ? AND customer_id = ? AND direction = 'inbound' AND created_at > ?
                  AND NOT (channel_id = ? AND provider_message_id IS ?)
                ORDER BY created_at DESC LIMIT ?
                """,
            arguments: [tenantID, customerID, since, message.channelID, message.providerMessageID, limit]
        )
    }

    /// Claims the one notice for (customer, reason) in a fixed window starting at `windowStart`:
    /// true the first time, false after.
    static func claimNotice(_ db: Database, tenantID: String, customerID: String, reason: GuardReason, windowStart: Int64, now: Int64) throws -> Bool {
        try db.executeCached(
            sql: """
                INSERT INTO guard_notices (tenant_id, customer_id, reason, window_start, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, customer_id, reason, window_start) DO NOTHING
                """,
            arguments: [tenantID, customerID, reason.rawValue, windowStart, now]
        )
        return db.changesCount == 1
    }

    /// Claims a notice for (customer, reason) unless one was sent after `since` (ms): a sliding
    /// window starting at the notice itself (`time`, ms).
    static func claimNotice(_ db: Database, tenantID: String, customerID: String, reason: GuardReason, notSince since: Int64, at time: Int64, stampedAt: Int64) throws -> Bool {
        let recent = try Bool.fetchOneCached(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM guard_notices
                               WHERE tenant_id = ? AND customer_id = ? AND reason = ? AND window_start > ?)
                """,
            arguments: [tenantID, customerID, reason.rawValue, since]
        ) ?? false
        guard !recent else { return false }
        return try claimNotice(db, tenantID: tenantID, customerID: customerID, reason: reason, windowStart: time, now: stampedAt)
    }

    /// Deletes the tenant's counters and notices whose window started before `before` (ms).
    static func prune(_ db: Database, tenantID: String, before: Int64) throws -> Int {
        try db.executeCached(sql: "DELETE FROM guard_counters WHERE tenant_id = ? AND window_start < ?", arguments: [tenantID, before])
        var deleted = db.changesCount
        try db.executeCached(sql: "DELETE FROM guard_notices WHERE tenant_id = ? AND window_start < ?", arguments: [tenantID, before])
        deleted += db.changesCount
        return deleted
    }
}

/// Identifies the message being checked, so history queries skip it if it was stored already.
struct MessageKey: Sendable {
    var channelID: String
    var providerMessageID: String

    /// Matches no stored message (channel ids are never empty).
    static let none = MessageKey(channelID: "", providerMessageID: "")
}
