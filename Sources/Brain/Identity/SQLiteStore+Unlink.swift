import Foundation
import GRDB

extension SQLiteStore {
    /// Takes an identity away from its customer (a wrong link) and gives it a new customer of its
    /// own, with the identity's phone, email and name.
    ///
    /// The identity's conversations go with it: its customer's conversations on the identity's
    /// channel (only those on the identity's own thread when another of the customer's
    /// identities shares that channel), with their messages. Conversations the sender had on
    /// other channels of the same kind stay. If the old customer's phone or email came only
    /// from this identity, it is replaced by one a remaining identity carries, or cleared.
    /// The old customer's history records `unlink`; the new one's records `create`.
    ///
    /// - Parameters:
    ///   - identityID: the identity to move.
    ///   - tenantID: the tenant that must own it.
    ///   - reason: why, for the history (an operator's words).
    /// - Returns: the new customer.
    /// - Throws: ``IdentityError/identityNotFound`` if the tenant has no such identity,
    ///   ``IdentityError/onlyIdentity`` if it is its customer's only one.
    public func unlink(identityID: String, tenantID: String, reason: String) async throws -> CustomerRecord {
        let now = Self.now()
        return try await pool.write { db in
            guard let identity = try IdentityRows.identity(db, id: identityID, tenantID: tenantID) else {
                throw IdentityError.missing(identity: identityID)
            }
            let oldID = identity.customerID
            let others = try Row.fetchAllCached(
                db,
                sql: "SELECT channel_id FROM channel_identities WHERE tenant_id = ? AND customer_id = ? AND id <> ?",
                arguments: [tenantID, oldID, identityID]
            ).map { $0["channel_id"] as String }
            guard !others.isEmpty else { throw IdentityError.onlyIdentity }

            let newID = try IdentityRows.insertCustomer(
                db, tenantID: tenantID, displayName: identity.displayName,
                phone: identity.phone, email: identity.email, now: now
            )
            let arguments: StatementArguments = [
                "tenant": tenantID, "old": oldID, "new": newID, "identity": identityID,
                "channel": identity.channelID, "thread": identity.channelUserID,
            ]
            try db.executeCached(
                sql: "UPDATE channel_identities SET customer_id = :new WHERE id = :identity AND tenant_id = :tenant",
                arguments: arguments
            )
            let ownThreadOnly = others.contains(identity.channelID) ? "AND thread_key = :thread" : ""
            try db.executeCached(
                sql: """
                    UPDATE conversations SET customer_id = :new
                    WHERE tenant_id = :tenant AND customer_id = :old AND channel_id = :channel \(ownThreadOnly)
                    """,
                arguments: arguments
            )
            try db.executeCached(
                sql: """
                    UPDATE messages SET customer_id = :new
                    WHERE tenant_id = :tenant AND customer_id = :old
                      AND conversation_id IN (SELECT id FROM conversations WHERE tenant_id = :tenant AND customer_id = :new)
                    """,
                arguments: arguments
            )
            try Self.forgetContact(of: identity, customerID: oldID, db)

            let moved = "\(identity.channelKind.rawValue) identity \(identity.channelUserID)"
            try IdentityRows.recordLink(
                db, tenantID: tenantID, customerID: oldID, identityID: identityID, action: .unlink,
                evidence: "\(moved) moved to new customer \(newID): \(reason)", now: now
            )
            try IdentityRows.recordLink(
                db, tenantID: tenantID, customerID: newID, identityID: identityID, action: .create,
                evidence: "\(moved) unlinked from customer \(oldID): \(reason)", now: now
            )
            guard let customer = try IdentityRows.customer(db, id: newID, tenantID: tenantID) else {
                throw IdentityError.missing(customer: newID)
            }
            return customer
        }
    }

    /// After `identity` left the customer: a phone or email the customer has only because of it
    /// becomes one a remaining identity carries (verified first, then oldest), or nothing.
    private static func forgetContact(of identity: ChannelIdentityRecord, customerID: String, _ db: Database) throws {
        for (column, value) in [("phone", identity.phone), ("email", identity.email)] {
            guard let value else { continue }
            try db.executeCached(
                sql: """
                    UPDATE customers SET \(column) = (
                        SELECT i.\(column) FROM channel_identities i
                        WHERE i.tenant_id = :tenant AND i.customer_id = :customer AND i.\(column) IS NOT NULL
                        ORDER BY i.verified DESC, i.created_at, i.rowid LIMIT 1)
                    WHERE id = :customer AND tenant_id = :tenant AND \(column) = :value
                      AND NOT EXISTS (SELECT 1 FROM channel_identities i
                                      WHERE i.tenant_id = :tenant AND i.customer_id = :customer AND i.\(column) = :value)
                    """,
                arguments: ["tenant": identity.tenantID, "customer": customerID, "value": value]
            )
        }
    }
}
