import Foundation
import GRDB

/// The phrasings people taught the knowledge base (``LearnedPhrasing``): stored per tenant and
/// entry, each addition and removal audited in the same transaction.
extension SQLiteStore {
    /// v16: learned phrasings of knowledge-base entries.
    static func registerLearnedPhrasingsMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v16: learned phrasings of knowledge entries") { db in
            try db.execute(sql: """
                CREATE TABLE knowledge_phrasings (
                    id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    entry_id TEXT NOT NULL,
                    text TEXT NOT NULL,
                    source TEXT NOT NULL,
                    message_id TEXT,
                    learned_by TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    UNIQUE (tenant_id, entry_id, text)
                );
                CREATE INDEX knowledge_phrasings_by_entry ON knowledge_phrasings(tenant_id, entry_id, created_at);
                """)
        }
    }

    /// Stores a phrasing of entry `entryID` and audits it (`knowledge.phrasing.learn`); returns
    /// it, or the phrasing already stored with the same text.
    public func learnPhrasing(
        entryID: String, text: String, source: LearnedPhrasing.Source, messageID: String?, by key: APIKeyRecord
    ) async throws -> LearnedPhrasing {
        let id = "kbp_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let now = Self.now()
        return try await pool.write { db in
            if let existing = try Self.phrasings(db, tenantID: key.tenantID, entryID: entryID).first(where: { $0.text == text }) {
                return existing
            }
            try db.execute(
                sql: """
                    INSERT INTO knowledge_phrasings (id, tenant_id, entry_id, text, source, message_id, learned_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, key.tenantID, entryID, text, source.rawValue, messageID, key.name, now]
            )
            var details = ["entryId": entryID, "source": source.rawValue]
            if let messageID { details["messageId"] = messageID }
            try Self.recordAudit(db, key: key, action: "knowledge.phrasing.learn", target: id, details: details, now: now)
            return LearnedPhrasing(id: id, tenantID: key.tenantID, entryID: entryID, text: text, source: source, messageID: messageID,
                                   learnedBy: key.name, createdAt: Date(milliseconds: now))
        }
    }

    /// Removes a phrasing of the key's tenant and audits it (`knowledge.phrasing.remove`);
    /// returns it, or nil when there is no such phrasing.
    public func removePhrasing(id: String, entryID: String, by key: APIKeyRecord) async throws -> LearnedPhrasing? {
        let now = Self.now()
        return try await pool.write { db in
            guard let phrasing = try Self.phrasings(db, tenantID: key.tenantID, entryID: entryID).first(where: { $0.id == id }) else { return nil }
            try db.execute(sql: "DELETE FROM knowledge_phrasings WHERE id = ? AND tenant_id = ?", arguments: [id, key.tenantID])
            try Self.recordAudit(db, key: key, action: "knowledge.phrasing.remove", target: id, details: ["entryId": entryID], now: now)
            return phrasing
        }
    }

    /// The tenant's learned phrasings, of one entry or of all, oldest first.
    public func learnedPhrasings(tenantID: String, entryID: String? = nil) async throws -> [LearnedPhrasing] {
        try await pool.read { db in try Self.phrasings(db, tenantID: tenantID, entryID: entryID) }
    }

    /// Every tenant's learned phrasings (for the knowledge base at start-up).
    public func allLearnedPhrasings() async throws -> [LearnedPhrasing] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM knowledge_phrasings ORDER BY created_at, id").map(Self.phrasing)
        }
    }

    /// The customer's last message in the conversation, when the assistant did not answer it
    /// (it handed off, said it did not know, or a human already owned the conversation): the
    /// question an agent's reply answers.
    public func unansweredQuestion(conversationID: String, tenantID: String) async throws -> (id: String, text: String)? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, text, created_at FROM messages
                    WHERE conversation_id = ? AND tenant_id = ? AND direction = 'inbound' AND author = 'customer'
                      AND blocked_reason IS NULL AND text <> ''
                    ORDER BY created_at DESC, rowid DESC LIMIT 1
                    """,
                arguments: [conversationID, tenantID]
            ) else { return nil }
            let createdAt: Int64 = row["created_at"]
            let answered = try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM messages
                                   WHERE conversation_id = ? AND tenant_id = ? AND direction = 'outbound' AND author = 'assistant'
                                     AND created_at >= ? AND COALESCE(answer_source, '') <> 'unanswered')
                    """,
                arguments: [conversationID, tenantID, createdAt]
            ) ?? false
            guard !answered else { return nil }
            let id: String = row["id"]
            let text: String = row["text"]
            return (id, text)
        }
    }

    private static func phrasings(_ db: Database, tenantID: String, entryID: String?) throws -> [LearnedPhrasing] {
        if let entryID {
            return try Row.fetchAll(
                db, sql: "SELECT * FROM knowledge_phrasings WHERE tenant_id = ? AND entry_id = ? ORDER BY created_at, id",
                arguments: [tenantID, entryID]
            ).map(phrasing)
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM knowledge_phrasings WHERE tenant_id = ? ORDER BY created_at, id", arguments: [tenantID])
            .map(phrasing)
    }

    private static func phrasing(_ row: Row) -> LearnedPhrasing {
        LearnedPhrasing(
            id: row["id"], tenantID: row["tenant_id"], entryID: row["entry_id"], text: row["text"],
            source: LearnedPhrasing.Source(rawValue: row["source"]) ?? .marked, messageID: row["message_id"],
            learnedBy: row["learned_by"], createdAt: Date(milliseconds: row["created_at"])
        )
    }
}
