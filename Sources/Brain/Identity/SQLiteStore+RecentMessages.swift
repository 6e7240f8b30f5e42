import Foundation
import GRDB

extension SQLiteStore {
    /// A customer's last messages across all their channels and conversations, oldest first:
    /// what the assistant sees of the conversation so far.
    ///
    /// - Parameters:
    ///   - customerID: whose messages.
    ///   - tenantID: the tenant that owns the customer; another tenant's messages never appear.
    ///   - limit: how many of the most recent messages to return.
    ///   - excludingProviderMessageID: an inbound message to leave out (the one being answered,
    ///     already stored if it is processed again).
    public func recentMessages(customerID: String, tenantID: String, limit: Int, excludingProviderMessageID: String?) async throws -> [MessageRecord] {
        guard limit > 0 else { return [] }
        let exclusion = excludingProviderMessageID == nil
            ? ""
            : "AND NOT (direction = 'inbound' AND provider_message_id = :excluded)"
        return try await pool.read { db in
            try Row.fetchAllCached(
                db,
                sql: """
                    SELECT * FROM (
                        SELECT rowid AS sequence, * FROM messages
                        WHERE tenant_id = :tenant AND customer_id = :customer \(exclusion)
                        ORDER BY created_at DESC, rowid DESC LIMIT :limit
                    ) ORDER BY created_at, sequence
                    """,
                arguments: ["tenant": tenantID, "customer": customerID, "excluded": excludingProviderMessageID, "limit": limit]
            ).map(MessageRecord.init(row:))
        }
    }
}
