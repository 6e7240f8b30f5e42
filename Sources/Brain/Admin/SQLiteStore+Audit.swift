import Foundation
import GRDB

extension SQLiteStore {
    /// Records an admin action in the tenant's audit log.
    public func recordAudit(key: APIKeyRecord, action: String, target: String, details: [String: String]? = nil) async throws {
        try await pool.write { db in
            try Self.recordAudit(db, key: key, action: action, target: target, details: details, now: Self.now())
        }
    }

    static func recordAudit(_ db: Database, key: APIKeyRecord, action: String, target: String, details: [String: String]?, now: Int64) throws {
        let detailsJSON = try details.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try db.executeCached(
            sql: """
                INSERT INTO audit_log (tenant_id, key_id, actor_name, actor_role, action, target, details, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [key.tenantID, key.id, key.name, key.role.rawValue, action, target, detailsJSON, now]
        )
    }

    /// The tenant's audit log, newest first, older than entry `before` when given.
    public func auditEntries(tenantID: String, before: Int64?, limit: Int) async throws -> [AuditEntry] {
        try await pool.read { db in
            try Row.fetchAllCached(
                db,
                sql: "SELECT * FROM audit_log WHERE tenant_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
                arguments: [tenantID, before ?? Int64.max, limit]
            ).map { row in
                let details: String? = row["details"]
                return AuditEntry(
                    id: row["id"], tenantID: row["tenant_id"], keyID: row["key_id"], actorName: row["actor_name"],
                    actorRole: APIKeyRole(rawValue: row["actor_role"]) ?? .agent, action: row["action"], target: row["target"],
                    details: details.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) },
                    createdAt: Date(milliseconds: row["created_at"])
                )
            }
        }
    }
}
