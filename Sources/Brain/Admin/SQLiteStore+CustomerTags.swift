import Foundation
import GRDB

/// The labels a business puts on its customers ("vip", "wholesale"); they follow a merge and go
/// with an erasure (the rows reference the customer).
extension SQLiteStore {
    /// The tags of each of these customers of the tenant, sorted; customers without tags are absent.
    public func customerTags(customerIDs: [String], tenantID: String) async throws -> [String: [String]] {
        guard !customerIDs.isEmpty else { return [:] }
        return try await pool.read { db in
            let placeholders = Array(repeating: "?", count: customerIDs.count).joined(separator: ",")
            var arguments: StatementArguments = [tenantID]
            _ = arguments.append(contentsOf: StatementArguments(customerIDs))
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT customer_id, tag FROM customer_tags WHERE tenant_id = ? AND customer_id IN (\(placeholders)) ORDER BY tag",
                arguments: arguments
            )
            return Dictionary(grouping: rows, by: { $0["customer_id"] as String }).mapValues { $0.map { $0["tag"] as String } }
        }
    }

    /// Replaces a customer's tags, audited with what was added and removed; returns the tags as
    /// stored (sorted), or nil when the tenant has no such customer.
    public func setCustomerTags(_ tags: Set<String>, customerID: String, by key: APIKeyRecord) async throws -> [String]? {
        let now = Self.now()
        return try await pool.write { db in
            guard try IdentityRows.customer(db, id: customerID, tenantID: key.tenantID) != nil else { return nil }
            let old = Set(try String.fetchAll(
                db, sql: "SELECT tag FROM customer_tags WHERE customer_id = ? AND tenant_id = ?", arguments: [customerID, key.tenantID]
            ))
            let added = tags.subtracting(old).sorted()
            let removed = old.subtracting(tags).sorted()
            for tag in removed {
                try db.execute(sql: "DELETE FROM customer_tags WHERE customer_id = ? AND tenant_id = ? AND tag = ?", arguments: [customerID, key.tenantID, tag])
            }
            for tag in added {
                try db.execute(
                    sql: "INSERT INTO customer_tags (customer_id, tenant_id, tag, created_at) VALUES (?, ?, ?, ?)",
                    arguments: [customerID, key.tenantID, tag, now]
                )
            }
            if !added.isEmpty || !removed.isEmpty {
                var details: [String: String] = [:]
                if !added.isEmpty { details["added"] = added.joined(separator: ",") }
                if !removed.isEmpty { details["removed"] = removed.joined(separator: ",") }
                try Self.recordAudit(db, key: key, action: "customer.tags", target: customerID, details: details, now: now)
            }
            return tags.sorted()
        }
    }
}
