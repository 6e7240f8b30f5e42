import ChannelKit
import Foundation
import GRDB

extension SQLiteStore {
    /// Makes a key for a tenant; its secret is returned once and stored only as a SHA-256 hash.
    public func createAPIKey(tenantID: String, role: APIKeyRole, name: String) async throws -> IssuedAPIKey {
        var generator = SystemRandomNumberGenerator()
        let idHex = (0..<6).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
        let secretBytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secret = Data(secretBytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let id = "ogk_" + idHex
        let now = Self.now()
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO api_keys (id, tenant_id, role, name, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, tenantID, role.rawValue, name, Signature.sha256Hex(Data(secret.utf8)), now]
            )
        }
        let record = APIKeyRecord(id: id, tenantID: tenantID, role: role, name: name, createdAt: Date(milliseconds: now), revokedAt: nil)
        return IssuedAPIKey(record: record, token: "\(id)_\(secret)")
    }

    /// The key a bearer token names, if the token is one of ours, its secret matches and it is
    /// not revoked.
    public func authenticateAPIKey(_ token: String) async throws -> APIKeyRecord? {
        guard token.hasPrefix("ogk_"), token.utf8.count == 4 + 12 + 1 + 43 else { return nil }
        let id = String(token.prefix(16))
        let secret = String(token.dropFirst(17))
        guard token[token.index(token.startIndex, offsetBy: 16)] == "_" else { return nil }
        // Read into Sendable values: a `Row` result would pick GRDB's blocking overload.
        let stored = try await pool.read { db -> (record: APIKeyRecord, secretHash: String)? in
            guard let row = try Row.fetchOneCached(db, sql: "SELECT * FROM api_keys WHERE id = ?", arguments: [id]) else { return nil }
            return (APIKeyRecord(row: row), row["secret_hash"])
        }
        guard let stored, stored.record.revokedAt == nil,
              Signature.constantTimeEquals(Signature.sha256Hex(Data(secret.utf8)), stored.secretHash)
        else { return nil }
        return stored.record
    }

    /// Revokes a key; returns false when there is no such key or it was already revoked.
    public func revokeAPIKey(id: String) async throws -> Bool {
        let now = Self.now()
        return try await pool.write { db in
            try db.execute(sql: "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [now, id])
            return db.changesCount == 1
        }
    }

    /// The keys of a tenant (or of every tenant), oldest first.
    public func apiKeys(tenantID: String?) async throws -> [APIKeyRecord] {
        try await pool.read { db in
            let rows = if let tenantID {
                try Row.fetchAll(db, sql: "SELECT * FROM api_keys WHERE tenant_id = ? ORDER BY created_at, id", arguments: [tenantID])
            } else {
                try Row.fetchAll(db, sql: "SELECT * FROM api_keys ORDER BY tenant_id, created_at, id")
            }
            return rows.map(APIKeyRecord.init(row:))
        }
    }
}

extension APIKeyRecord {
    init(row: Row) {
        self.init(
            id: row["id"], tenantID: row["tenant_id"], role: APIKeyRole(rawValue: row["role"]) ?? .agent, name: row["name"],
            createdAt: Date(milliseconds: row["created_at"]), revokedAt: (row["revoked_at"] as Int64?).map(Date.init(milliseconds:))
        )
    }
}
