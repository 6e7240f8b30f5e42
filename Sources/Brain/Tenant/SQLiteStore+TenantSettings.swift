import Foundation
import GRDB

/// The assistant and knowledge base an admin edited through the API, stored over the
/// configuration; every change is written with its audit entry in one transaction.
extension SQLiteStore {
    /// v14: edited assistants and knowledge bases, and customer tags.
    static func registerTenantSettingsMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v14: edited assistants and knowledge bases, customer tags") { db in
            try db.execute(sql: """
                CREATE TABLE tenant_assistants (
                    tenant_id TEXT PRIMARY KEY,
                    settings TEXT NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE TABLE tenant_knowledge_bases (
                    tenant_id TEXT PRIMARY KEY,
                    updated_at INTEGER NOT NULL
                );
                CREATE TABLE knowledge_entries (
                    tenant_id TEXT NOT NULL REFERENCES tenant_knowledge_bases(tenant_id) ON DELETE CASCADE,
                    entry_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    question TEXT NOT NULL,
                    answer TEXT NOT NULL,
                    keywords TEXT NOT NULL,
                    PRIMARY KEY (tenant_id, entry_id)
                );
                CREATE TABLE customer_tags (
                    customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                    tenant_id TEXT NOT NULL,
                    tag TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (customer_id, tag)
                );
                CREATE INDEX customer_tags_by_tag ON customer_tags(tenant_id, tag);
                """)
        }
    }

    /// v15: each knowledge entry's other phrasings (`examples`, a JSON array).
    static func registerKnowledgeExamplesMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v15: knowledge entry examples") { db in
            try db.execute(sql: "ALTER TABLE knowledge_entries ADD COLUMN examples TEXT NOT NULL DEFAULT '[]'")
        }
    }

    /// What the admin API stored for every tenant (for the tenant directory at start-up).
    public func storedTenantSettings() async throws -> [StoredTenantSettings] {
        try await pool.read { db in
            let ids = try String.fetchAll(db, sql: "SELECT tenant_id FROM tenant_assistants UNION SELECT tenant_id FROM tenant_knowledge_bases")
            return try ids.compactMap { try Self.storedTenantSettings(db, tenantID: $0) }
        }
    }

    /// What the admin API stored for one tenant, or nil when nothing was edited.
    public func storedTenantSettings(tenantID: String) async throws -> StoredTenantSettings? {
        try await pool.read { db in try Self.storedTenantSettings(db, tenantID: tenantID) }
    }

    /// Stores the tenant's assistant and records the change in the audit log, in one transaction.
    /// Returns the time of the change.
    @discardableResult
    public func saveAssistant(_ assistant: StoredAssistant, by key: APIKeyRecord, details: [String: String]?) async throws -> Date {
        let settings = String(decoding: try JSONEncoder().encode(AssistantRow(assistant)), as: UTF8.self)
        let now = Self.now()
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO tenant_assistants (tenant_id, settings, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (tenant_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at
                    """,
                arguments: [key.tenantID, settings, now]
            )
            try Self.recordAudit(db, key: key, action: "assistant.update", target: key.tenantID, details: details, now: now)
        }
        return Date(milliseconds: now)
    }

    /// Stores the tenant's whole knowledge base, in order, and records `action` on entry `target`
    /// in the audit log, in one transaction. Returns the time of the change.
    @discardableResult
    public func saveKnowledgeBase(_ entries: [KnowledgeEntry], by key: APIKeyRecord, action: String, target: String) async throws -> Date {
        let encoder = JSONEncoder()
        let rows = try entries.map {
            ($0, String(decoding: try encoder.encode($0.keywords), as: UTF8.self), String(decoding: try encoder.encode($0.examples), as: UTF8.self))
        }
        let now = Self.now()
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO tenant_knowledge_bases (tenant_id, updated_at) VALUES (?, ?)
                    ON CONFLICT (tenant_id) DO UPDATE SET updated_at = excluded.updated_at
                    """,
                arguments: [key.tenantID, now]
            )
            try db.execute(sql: "DELETE FROM knowledge_entries WHERE tenant_id = ?", arguments: [key.tenantID])
            for (position, (entry, keywords, examples)) in rows.enumerated() {
                try db.executeCached(
                    sql: """
                        INSERT INTO knowledge_entries (tenant_id, entry_id, position, question, answer, keywords, examples)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [key.tenantID, entry.id, position, entry.question, entry.answer, keywords, examples]
                )
            }
            try Self.recordAudit(db, key: key, action: action, target: target, details: nil, now: now)
        }
        return Date(milliseconds: now)
    }

    private static func storedTenantSettings(_ db: Database, tenantID: String) throws -> StoredTenantSettings? {
        var settings = StoredTenantSettings(tenantID: tenantID)
        if let row = try Row.fetchOne(db, sql: "SELECT settings, updated_at FROM tenant_assistants WHERE tenant_id = ?", arguments: [tenantID]) {
            let json: String = row["settings"]
            settings.assistant = try JSONDecoder().decode(AssistantRow.self, from: Data(json.utf8)).assistant
            settings.assistantUpdatedAt = Date(milliseconds: row["updated_at"])
        }
        if let updated = try Int64.fetchOne(db, sql: "SELECT updated_at FROM tenant_knowledge_bases WHERE tenant_id = ?", arguments: [tenantID]) {
            let decoder = JSONDecoder()
            settings.knowledgeBase = try Row.fetchAll(
                db, sql: "SELECT * FROM knowledge_entries WHERE tenant_id = ? ORDER BY position", arguments: [tenantID]
            ).map { row in
                let keywords: String = row["keywords"]
                let examples: String = row["examples"]
                return KnowledgeEntry(
                    id: row["entry_id"], question: row["question"], answer: row["answer"],
                    keywords: (try? decoder.decode([String].self, from: Data(keywords.utf8))) ?? [],
                    examples: (try? decoder.decode([String].self, from: Data(examples.utf8))) ?? []
                )
            }
            settings.knowledgeUpdatedAt = Date(milliseconds: updated)
        }
        return settings.assistant == nil && settings.knowledgeBase == nil ? nil : settings
    }
}

/// An assistant as a JSON column. Every field is optional when read, so a row written before a
/// field existed takes that field's default.
private struct AssistantRow: Codable {
    struct Model: Codable {
        var enabled: Bool?
        var model: String?
        var maxTokens: Int?
    }

    var persona, tone, language, handoffMessage, unansweredMessage, fallbackMessage: String?
    var matchThreshold: Double?
    var handoffAfterUnanswered: Int?
    var model: Model?

    init(_ stored: StoredAssistant) {
        let profile = stored.profile
        persona = profile.persona
        tone = profile.tone
        language = profile.language
        handoffMessage = profile.handoffMessage
        unansweredMessage = profile.unansweredMessage
        fallbackMessage = profile.fallbackMessage
        matchThreshold = profile.matchThreshold
        handoffAfterUnanswered = profile.handoffAfterUnanswered
        model = stored.modelPolicy.map { Model(enabled: $0.isEnabled, model: $0.forcedModelID, maxTokens: $0.maxTokens) }
    }

    var assistant: StoredAssistant {
        let defaults = AssistantProfile()
        let profile = AssistantProfile(
            persona: persona ?? defaults.persona, tone: tone ?? defaults.tone, language: language ?? defaults.language,
            handoffMessage: handoffMessage ?? defaults.handoffMessage, matchThreshold: matchThreshold ?? defaults.matchThreshold,
            unansweredMessage: unansweredMessage ?? defaults.unansweredMessage, fallbackMessage: fallbackMessage ?? defaults.fallbackMessage,
            handoffAfterUnanswered: handoffAfterUnanswered ?? defaults.handoffAfterUnanswered
        )
        let policy = model.map { TenantModelPolicy(isEnabled: $0.enabled ?? true, forcedModelID: $0.model, maxTokens: $0.maxTokens) }
        return StoredAssistant(profile: profile, modelPolicy: policy)
    }
}
