import Foundation
import GRDB

extension SQLiteStore {
    /// Merges one customer into another (the same person reached the tenant twice without a
    /// shared phone or email) and deletes the first.
    ///
    /// Every row that names the source customer moves to the target, in every table with a
    /// `customer_id` column: identities, conversations, messages, the identity history, and
    /// whatever later migrations add (guard counters, the cost ledger), so deleting the source
    /// cascades nothing away. A row that would break a unique constraint in its new place stays
    /// and goes with the source. The target keeps its phone, email and name, and takes the
    /// source's where it has none. The target's history records `merge`.
    ///
    /// - Parameters:
    ///   - source: the customer that disappears.
    ///   - target: the customer that remains.
    ///   - tenantID: the tenant that must own both.
    ///   - reason: why, for the history (an operator's words).
    /// - Returns: the target customer as it is after the merge.
    /// - Throws: ``IdentityError/sameCustomer`` if the two ids are equal,
    ///   ``IdentityError/customerNotFound`` if the tenant lacks either.
    public func merge(customerID source: String, into target: String, tenantID: String, reason: String) async throws -> CustomerRecord {
        guard source != target else { throw IdentityError.sameCustomer }
        let now = Self.now()
        return try await pool.write { db in
            guard let from = try IdentityRows.customer(db, id: source, tenantID: tenantID) else {
                throw IdentityError.missing(customer: source)
            }
            guard try IdentityRows.customer(db, id: target, tenantID: tenantID) != nil else {
                throw IdentityError.missing(customer: target)
            }
            for table in try Self.tablesNamingCustomers(db) {
                let tenantScope = table.hasTenant ? "AND tenant_id = :tenant" : ""
                try db.executeCached(
                    sql: """
                        UPDATE OR IGNORE \(table.name.quotedDatabaseIdentifier) SET customer_id = :target
                        WHERE customer_id = :source \(tenantScope)
                        """,
                    arguments: ["target": target, "source": source, "tenant": tenantID]
                )
            }
            try IdentityRows.fillContact(
                db, customerID: target, tenantID: tenantID, displayName: from.displayName, phone: from.phone, email: from.email
            )
            try db.executeCached(sql: "DELETE FROM customers WHERE id = ? AND tenant_id = ?", arguments: [source, tenantID])
            try IdentityRows.recordLink(
                db, tenantID: tenantID, customerID: target, identityID: nil, action: .merge,
                evidence: "merged customer \(source) into \(target): \(reason)", now: now
            )
            guard let merged = try IdentityRows.customer(db, id: target, tenantID: tenantID) else {
                throw IdentityError.missing(customer: target)
            }
            return merged
        }
    }

    /// The tables, other than `customers`, with a `customer_id` column, and whether each has a
    /// `tenant_id` column to scope by.
    private static func tablesNamingCustomers(_ db: Database) throws -> [(name: String, hasTenant: Bool)] {
        try Row.fetchAllCached(
            db,
            sql: """
                SELECT m.name AS name,
                       EXISTS (SELECT 1 FROM pragma_table_info(m.name) t WHERE t.name = 'tenant_id') AS has_tenant
                FROM sqlite_master m
                WHERE m.type = 'table' AND m.name <> 'customers' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                  AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'customer_id')
                ORDER BY m.name
                """
        ).map { ($0["name"], $0["has_tenant"]) }
    }
}
