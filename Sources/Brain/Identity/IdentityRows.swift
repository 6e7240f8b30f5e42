import ChannelKit
import Foundation
import GRDB

/// The statements identity operations share, run inside the caller's transaction. Every one is
/// scoped by tenant.
enum IdentityRows {
    /// A tenant's customer, with whether any of their identities is verified.
    static func customer(_ db: Database, id: String, tenantID: String) throws -> CustomerRecord? {
        try Row.fetchOneCached(
            db,
            sql: """
                SELECT c.*, EXISTS (SELECT 1 FROM channel_identities i
                                    WHERE i.tenant_id = c.tenant_id AND i.customer_id = c.id AND i.verified = 1) AS is_verified
                FROM customers c WHERE c.id = ? AND c.tenant_id = ?
                """,
            arguments: [id, tenantID]
        ).map(CustomerRecord.init(row:))
    }

    /// Creates a customer and returns their id.
    static func insertCustomer(_ db: Database, tenantID: String, displayName: String?, phone: String?, email: String?, now: Int64) throws -> String {
        let id = UUID().uuidString.lowercased()
        try db.executeCached(
            sql: "INSERT INTO customers (id, tenant_id, display_name, phone, email, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, tenantID, displayName, phone, email, now]
        )
        return id
    }

    /// Gives a customer the phone, email and name they lack; never replaces one they have.
    static func fillContact(_ db: Database, customerID: String, tenantID: String, displayName: String?, phone: String?, email: String?) throws {
        try db.executeCached(
            sql: """
                UPDATE customers SET display_name = COALESCE(display_name, ?), phone = COALESCE(phone, ?),
                                     email = COALESCE(email, ?)
                WHERE id = ? AND tenant_id = ?
                """,
            arguments: [displayName, phone, email, customerID, tenantID]
        )
    }

    /// A tenant's identity by id.
    static func identity(_ db: Database, id: String, tenantID: String) throws -> ChannelIdentityRecord? {
        try Row.fetchOneCached(
            db,
            sql: "SELECT * FROM channel_identities WHERE id = ? AND tenant_id = ?",
            arguments: [id, tenantID]
        ).map(ChannelIdentityRecord.init(row:))
    }

    /// The identity of a sender on a kind of channel: the key is (tenant, kind, channel user id).
    static func identity(_ db: Database, channelUserID: String, on channel: ChannelRef) throws -> ChannelIdentityRecord? {
        try Row.fetchOneCached(
            db,
            sql: "SELECT * FROM channel_identities WHERE tenant_id = ? AND channel_kind = ? AND channel_user_id = ?",
            arguments: [channel.tenantID, channel.kind.rawValue, channelUserID]
        ).map(ChannelIdentityRecord.init(row:))
    }

    /// The tenant's customer who has `identifier`, on their own record or on one of their
    /// identities. Several may (a claim that was later unlinked): a customer with a verified
    /// identity carrying it wins, then the oldest.
    static func customerID(_ db: Database, matching identifier: IdentityEvidence.Identifier) throws -> String? {
        let column = identifier.kind == .phone ? "phone" : "email"
        return try String.fetchOneCached(
            db,
            sql: """
                WITH matches(customer_id, verified) AS (
                    SELECT id, 0 FROM customers WHERE tenant_id = :tenant AND \(column) = :value
                    UNION ALL
                    SELECT customer_id, verified FROM channel_identities WHERE tenant_id = :tenant AND \(column) = :value
                )
                SELECT m.customer_id FROM matches m JOIN customers c ON c.id = m.customer_id AND c.tenant_id = :tenant
                GROUP BY m.customer_id
                ORDER BY MAX(m.verified) DESC, MIN(c.created_at), m.customer_id
                LIMIT 1
                """,
            arguments: ["tenant": identifier.channel.tenantID, "value": identifier.value]
        )
    }

    /// Appends to a customer's identity history.
    static func recordLink(
        _ db: Database, tenantID: String, customerID: String, identityID: String?,
        action: IdentityLinkRecord.Action, evidence: String, now: Int64
    ) throws {
        try db.executeCached(
            sql: """
                INSERT INTO identity_links (id, tenant_id, customer_id, identity_id, action, evidence, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [UUID().uuidString.lowercased(), tenantID, customerID, identityID, action.rawValue, evidence, now]
        )
    }
}

extension CustomerRecord {
    /// From a `customers` row; `is_verified` when the query computed it.
    init(row: Row) {
        self.init(
            id: row["id"], tenantID: row["tenant_id"], displayName: row["display_name"], phone: row["phone"],
            email: row["email"], isVerified: row["is_verified"] ?? false, createdAt: Date(milliseconds: row["created_at"]),
            blockedAt: row.hasColumn("blocked_at") ? (row["blocked_at"] as Int64?).map(Date.init(milliseconds:)) : nil
        )
    }
}

extension ChannelIdentityRecord {
    init(row: Row) {
        self.init(
            id: row["id"], tenantID: row["tenant_id"], customerID: row["customer_id"],
            channelKind: ChannelKind(rawValue: row["channel_kind"]) ?? .api, channelID: row["channel_id"],
            channelUserID: row["channel_user_id"], displayName: row["display_name"], phone: row["phone"],
            email: row["email"], verified: row["verified"], evidence: row["evidence"],
            createdAt: Date(milliseconds: row["created_at"])
        )
    }
}

extension IdentityLinkRecord {
    init(row: Row) {
        self.init(
            id: row["id"], tenantID: row["tenant_id"], customerID: row["customer_id"], identityID: row["identity_id"],
            action: Action(rawValue: row["action"]) ?? .link, evidence: row["evidence"],
            createdAt: Date(milliseconds: row["created_at"])
        )
    }
}
