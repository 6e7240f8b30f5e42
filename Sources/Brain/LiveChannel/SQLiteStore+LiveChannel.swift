import ChannelKit
import Foundation
import GRDB

/// The transcript of live-connection channels (web chat): every entry a visitor's sockets show,
/// numbered per visitor without gaps, so a client that reconnects with the last number it has
/// gets exactly what it missed; and the visitors themselves.
extension SQLiteStore {
    /// v10: live visitors, their transcript, and each live channel's token signing key.
    static func registerLiveChannelMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10: live channels") { db in
            try db.execute(sql: """
                CREATE TABLE live_visitors (
                    tenant_id TEXT NOT NULL,
                    channel_id TEXT NOT NULL,
                    visitor_id TEXT NOT NULL,
                    name TEXT,
                    email TEXT,
                    phone TEXT,
                    created_at INTEGER NOT NULL,
                    last_seen_at INTEGER NOT NULL,
                    PRIMARY KEY (channel_id, visitor_id)
                );
                CREATE TABLE live_transcript (
                    tenant_id TEXT NOT NULL,
                    channel_id TEXT NOT NULL,
                    visitor_id TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    entry_key TEXT NOT NULL,
                    message_id TEXT,
                    entry TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (channel_id, visitor_id, seq),
                    UNIQUE (channel_id, visitor_id, entry_key)
                );
                CREATE TABLE live_channel_keys (
                    channel_id TEXT PRIMARY KEY,
                    signing_key TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                """)
        }
    }

    /// The key a live channel signs visitor tokens with when none is configured: made once at
    /// random and kept, so tokens survive restarts.
    public func liveSigningKey(channelID: String) async throws -> Secret {
        var generator = SystemRandomNumberGenerator()
        let candidate = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
        let now = Self.now()
        let key = try await pool.write { db in
            try db.executeCached(
                sql: "INSERT INTO live_channel_keys (channel_id, signing_key, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [channelID, candidate, now]
            )
            return try String.fetchOneCached(db, sql: "SELECT signing_key FROM live_channel_keys WHERE channel_id = ?", arguments: [channelID]) ?? candidate
        }
        return Secret(key)
    }

    /// Finds or creates a visitor; a new one gets `welcome` (entry key, entry) as its first entry.
    public func openLiveVisitor(on channel: ChannelRef, visitorID: String, welcome: (key: String, entry: String)?) async throws -> LiveVisitor {
        let now = Self.now()
        return try await pool.write { db in
            try db.executeCached(
                sql: """
                    INSERT INTO live_visitors (tenant_id, channel_id, visitor_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (channel_id, visitor_id) DO NOTHING
                    """,
                arguments: [channel.tenantID, channel.channelID, visitorID, now, now]
            )
            let isNew = db.changesCount == 1
            if !isNew {
                try db.executeCached(
                    sql: "UPDATE live_visitors SET last_seen_at = ? WHERE channel_id = ? AND visitor_id = ? AND tenant_id = ?",
                    arguments: [now, channel.channelID, visitorID, channel.tenantID]
                )
            }
            let row = try Row.fetchOneCached(
                db,
                sql: "SELECT name, email, phone FROM live_visitors WHERE channel_id = ? AND visitor_id = ? AND tenant_id = ?",
                arguments: [channel.channelID, visitorID, channel.tenantID]
            )
            if isNew, let welcome {
                _ = try Self.appendLiveEntry(db, channel: channel, visitorID: visitorID, key: welcome.key, messageID: nil, entry: welcome.entry, now: now)
            }
            return LiveVisitor(
                visitorID: visitorID, name: row?["name"], email: row?["email"], phone: row?["phone"],
                lastSeq: try Self.lastLiveSeq(db, channel: channel, visitorID: visitorID), isNew: isNew
            )
        }
    }

    /// Records what a visitor said about themselves (nil leaves a field as it was).
    public func updateLiveVisitor(on channel: ChannelRef, visitorID: String, name: String?, email: String?, phone: String?) async throws {
        try await pool.write { db in
            try db.executeCached(
                sql: """
                    UPDATE live_visitors SET name = COALESCE(?, name), email = COALESCE(?, email), phone = COALESCE(?, phone)
                    WHERE channel_id = ? AND visitor_id = ? AND tenant_id = ?
                    """,
                arguments: [name, email, phone, channel.channelID, visitorID, channel.tenantID]
            )
        }
    }

    /// Stores a visitor's message in the inbox (deduped on its provider id) and its entry in
    /// the transcript, in one transaction. A duplicate returns the entry's original number.
    public func acceptLiveMessage(
        _ message: InboundMessage, on channel: ChannelRef, visitorID: String, entryKey: String, entry: String,
        requestID: String?, remoteAddress: String?
    ) async throws -> (acceptance: InboxAcceptance, seq: Int) {
        let payload = try JSONEncoder().encode(message)
        let now = Self.now()
        return try await pool.write { db in
            let acceptance = try Self.insertInbox(
                db, message: message, payload: payload, channel: channel, requestID: requestID,
                remoteAddress: remoteAddress, claimed: false, now: now
            )
            let seq = try Self.appendLiveEntry(db, channel: channel, visitorID: visitorID, key: entryKey, messageID: nil, entry: entry, now: now)
            return (acceptance, seq)
        }
    }

    /// Appends an entry unless one with the same key exists; returns its number either way (a
    /// reply delivered again after a crash keeps its place and is not shown twice).
    @discardableResult
    public func appendLiveEntry(on channel: ChannelRef, visitorID: String, key: String, messageID: String?, entry: String) async throws -> Int {
        let now = Self.now()
        return try await pool.write { db in
            try Self.appendLiveEntry(db, channel: channel, visitorID: visitorID, key: key, messageID: messageID, entry: entry, now: now)
        }
    }

    /// The entries after `seq`, oldest first: the first `limit` of them, or with `newest` the
    /// last `limit` (a reconnecting client is not sent an endless history).
    public func liveEntries(on channel: ChannelRef, visitorID: String, after seq: Int, limit: Int, newest: Bool = false) async throws -> [LiveEntry] {
        try await pool.read { db in
            try Row.fetchAllCached(
                db,
                sql: """
                    SELECT seq, entry, created_at FROM (
                        SELECT seq, entry, created_at FROM live_transcript
                        WHERE channel_id = ? AND visitor_id = ? AND tenant_id = ? AND seq > ?
                        ORDER BY seq \(newest ? "DESC" : "ASC") LIMIT ?
                    ) ORDER BY seq
                    """,
                arguments: [channel.channelID, visitorID, channel.tenantID, seq, limit]
            ).map { LiveEntry(seq: $0["seq"], entry: $0["entry"], createdAt: Date(milliseconds: $0["created_at"])) }
        }
    }

    /// Moves the delivery state of the messages among a visitor's entries up to `seq` forward
    /// (sent → delivered → read). Returns how many messages changed.
    @discardableResult
    public func acknowledgeLiveEntries(on channel: ChannelRef, visitorID: String, upTo seq: Int, status: DeliveryStatus) async throws -> Int {
        let rank: Int = switch status {
        case .delivered: 2
        case .read: 3
        default: 0
        }
        guard rank > 0 else { return 0 }
        return try await pool.write { db in
            try db.executeCached(
                sql: """
                    UPDATE messages SET delivery_status = ?
                    WHERE tenant_id = ? AND id IN (
                        SELECT message_id FROM live_transcript
                        WHERE channel_id = ? AND visitor_id = ? AND tenant_id = ? AND seq <= ? AND message_id IS NOT NULL
                    )
                    AND (CASE delivery_status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 9 ELSE 0 END) < ?
                    """,
                arguments: [status.rawValue, channel.tenantID, channel.channelID, visitorID, channel.tenantID, seq, rank]
            )
            return db.changesCount
        }
    }

    private static func appendLiveEntry(_ db: Database, channel: ChannelRef, visitorID: String, key: String, messageID: String?, entry: String, now: Int64) throws -> Int {
        if let existing = try Int.fetchOneCached(
            db,
            sql: "SELECT seq FROM live_transcript WHERE channel_id = ? AND visitor_id = ? AND entry_key = ?",
            arguments: [channel.channelID, visitorID, key]
        ) {
            return existing
        }
        let seq = try lastLiveSeq(db, channel: channel, visitorID: visitorID) + 1
        try db.executeCached(
            sql: """
                INSERT INTO live_transcript (tenant_id, channel_id, visitor_id, seq, entry_key, message_id, entry, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [channel.tenantID, channel.channelID, visitorID, seq, key, messageID, entry, now]
        )
        return seq
    }

    private static func lastLiveSeq(_ db: Database, channel: ChannelRef, visitorID: String) throws -> Int {
        try Int.fetchOneCached(
            db,
            sql: "SELECT COALESCE(MAX(seq), 0) FROM live_transcript WHERE channel_id = ? AND visitor_id = ?",
            arguments: [channel.channelID, visitorID]
        ) ?? 0
    }
}
