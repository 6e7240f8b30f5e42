import Foundation
import GRDB

/// Customers as the admin API shows and changes them: search, detail, block, erase.
extension SQLiteStore {
    /// v13: customers a business blocked.
    static func registerCustomerBlockMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13: blocked customers") { db in
            try db.execute(sql: """
                ALTER TABLE customers ADD COLUMN blocked_at INTEGER;
                ALTER TABLE customers ADD COLUMN blocked_by TEXT;
                """)
        }
    }

    /// A page of a tenant's customers, newest first, after the cursor (the previous page's last
    /// creation time and id).
    public func customers(tenantID: String, filter: CustomerFilter, after cursor: (createdAt: Date, id: String)?, limit: Int) async throws -> [CustomerRecord] {
        var conditions = ["c.tenant_id = ?"]
        var arguments: StatementArguments = [tenantID]
        if let query = filter.query, !query.isEmpty {
            let pattern = "%" + query.lowercased()
                .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
            conditions.append("""
                (lower(COALESCE(c.display_name, '')) LIKE ? ESCAPE '\\' OR lower(COALESCE(c.phone, '')) LIKE ? ESCAPE '\\'
                 OR lower(COALESCE(c.email, '')) LIKE ? ESCAPE '\\'
                 OR EXISTS (SELECT 1 FROM channel_identities i WHERE i.customer_id = c.id AND i.tenant_id = c.tenant_id
                            AND (lower(i.channel_user_id) LIKE ? ESCAPE '\\' OR lower(COALESCE(i.display_name, '')) LIKE ? ESCAPE '\\')))
                """)
            _ = arguments.append(contentsOf: [pattern, pattern, pattern, pattern, pattern])
        }
        switch filter.blocked {
        case true?: conditions.append("c.blocked_at IS NOT NULL")
        case false?: conditions.append("c.blocked_at IS NULL")
        case nil: break
        }
        if let tag = filter.tag {
            conditions.append("EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tenant_id = c.tenant_id AND t.tag = ?)")
            _ = arguments.append(contentsOf: [tag])
        }
        if let cursor {
            conditions.append("(c.created_at < ? OR (c.created_at = ? AND c.id < ?))")
            _ = arguments.append(contentsOf: [cursor.createdAt.milliseconds, cursor.createdAt.milliseconds, cursor.id])
        }
        _ = arguments.append(contentsOf: [limit])
        let sql = """
            SELECT c.*, EXISTS (SELECT 1 FROM channel_identities v WHERE v.customer_id = c.id AND v.verified = 1) AS is_verified
            FROM customers c WHERE \(conditions.joined(separator: " AND ")) ORDER BY c.created_at DESC, c.id DESC LIMIT ?
            """
        let bound = arguments
        return try await pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map(CustomerRecord.init(row:))
        }
    }

    /// Blocks or unblocks one of the key's tenant's customers, audited; nil when there is no
    /// such customer.
    public func setCustomerBlocked(_ blocked: Bool, customerID: String, by key: APIKeyRecord) async throws -> CustomerRecord? {
        let now = Self.now()
        return try await pool.write { db in
            guard try IdentityRows.customer(db, id: customerID, tenantID: key.tenantID) != nil else { return nil }
            if blocked {
                try db.execute(
                    sql: "UPDATE customers SET blocked_at = COALESCE(blocked_at, ?), blocked_by = COALESCE(blocked_by, ?) WHERE id = ? AND tenant_id = ?",
                    arguments: [now, key.name, customerID, key.tenantID]
                )
            } else {
                try db.execute(
                    sql: "UPDATE customers SET blocked_at = NULL, blocked_by = NULL WHERE id = ? AND tenant_id = ?",
                    arguments: [customerID, key.tenantID]
                )
            }
            try Self.recordAudit(db, key: key, action: blocked ? "customer.block" : "customer.unblock", target: customerID, details: nil, now: now)
            return try IdentityRows.customer(db, id: customerID, tenantID: key.tenantID)
        }
    }

    /// Erases a customer (a privacy request): their messages and their vectors, the inbox and
    /// outbox rows that carried them, their identities and link history, their web chat
    /// transcripts, guard records and conversations. The cost ledger keeps its amounts (no text).
    /// Nil when the tenant has no such customer.
    public func eraseCustomer(customerID: String, by key: APIKeyRecord) async throws -> CustomerErasure? {
        let now = Self.now()
        return try await pool.write { db in
            guard try IdentityRows.customer(db, id: customerID, tenantID: key.tenantID) != nil else { return nil }
            let scope: StatementArguments = [customerID, key.tenantID]
            let messages = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages WHERE customer_id = ? AND tenant_id = ?", arguments: scope) ?? 0
            let identities = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM channel_identities WHERE customer_id = ? AND tenant_id = ?", arguments: scope) ?? 0
            let conversations = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM conversations WHERE customer_id = ? AND tenant_id = ?", arguments: scope) ?? 0
            try db.execute(sql: """
                DELETE FROM message_vectors WHERE message_rowid IN (SELECT rowid FROM messages WHERE customer_id = ? AND tenant_id = ?);
                DELETE FROM inbox WHERE tenant_id = ? AND EXISTS (
                    SELECT 1 FROM messages m WHERE m.customer_id = ? AND m.tenant_id = ? AND m.direction = 'inbound'
                    AND m.channel_id = inbox.channel_id AND m.provider_message_id = inbox.provider_message_id);
                DELETE FROM outbox WHERE message_id IN (SELECT id FROM messages WHERE customer_id = ? AND tenant_id = ?);
                DELETE FROM live_transcript WHERE tenant_id = ? AND EXISTS (
                    SELECT 1 FROM channel_identities i WHERE i.customer_id = ? AND i.tenant_id = ? AND i.channel_kind = 'webchat'
                    AND i.channel_id = live_transcript.channel_id AND i.channel_user_id = live_transcript.visitor_id);
                DELETE FROM live_visitors WHERE tenant_id = ? AND EXISTS (
                    SELECT 1 FROM channel_identities i WHERE i.customer_id = ? AND i.tenant_id = ? AND i.channel_kind = 'webchat'
                    AND i.channel_id = live_visitors.channel_id AND i.channel_user_id = live_visitors.visitor_id);
                DELETE FROM guard_notices WHERE customer_id = ? AND tenant_id = ?;
                DELETE FROM identity_links WHERE customer_id = ? AND tenant_id = ?;
                DELETE FROM customers WHERE id = ? AND tenant_id = ?;
                """, arguments: [
                    customerID, key.tenantID,
                    key.tenantID, customerID, key.tenantID,
                    customerID, key.tenantID,
                    key.tenantID, customerID, key.tenantID,
                    key.tenantID, customerID, key.tenantID,
                    customerID, key.tenantID,
                    customerID, key.tenantID,
                    customerID, key.tenantID,
                ])
            let erasure = CustomerErasure(messages: messages, identities: identities, conversations: conversations)
            try Self.recordAudit(db, key: key, action: "customer.delete", target: customerID, details: [
                "messages": "\(messages)", "identities": "\(identities)", "conversations": "\(conversations)",
            ], now: now)
            return erasure
        }
    }
}
