import ChannelKit
import Foundation
import GRDB

extension SQLiteStore {
    /// Writes the pipeline's result in one transaction: the inbound message, the reply and its
    /// outbox row, the conversation's owner, and the inbox row marked done.
    ///
    /// Returns the outbox row id of the queued reply, if one was queued. If the inbound message
    /// was already stored (processed before a crash), nothing new is written.
    @discardableResult
    public func commit(_ processed: ProcessedMessage) async throws -> Int64? {
        let encoder = JSONEncoder()
        let attachments = processed.item.message.attachments.isEmpty ? nil : try encoder.encode(processed.item.message.attachments)
        let replyPayload = try processed.reply.map { try encoder.encode($0.message) }
        let addressPayload = try processed.reply.map { try encoder.encode($0.address) }
        let now = Self.now()
        return try await pool.write { db -> Int64? in
            let item = processed.item
            let tenantID = item.channel.tenantID
            try db.executeCached(
                sql: """
                    INSERT INTO messages (id, tenant_id, conversation_id, customer_id, channel_id, direction, author, text,
                                          attachments, provider_message_id, blocked_reason, created_at)
                    VALUES (?, ?, ?, ?, ?, 'inbound', 'customer', ?, ?, ?, ?, ?)
                    ON CONFLICT (channel_id, provider_message_id) WHERE direction = 'inbound' DO NOTHING
                    """,
                arguments: [UUID().uuidString.lowercased(), tenantID, processed.conversation.id, processed.customerID,
                            item.channel.channelID, item.message.text, attachments, item.message.providerMessageID,
                            processed.blockedReason, now]
            )
            let isNew = db.changesCount == 1
            try db.executeCached(
                sql: "UPDATE inbox SET status = 'done', processed_at = ?, last_error = NULL WHERE id = ?",
                arguments: [now, item.id]
            )
            guard isNew else { return nil }

            var outboxID: Int64?
            if let reply = processed.reply, let replyPayload, let addressPayload {
                try db.executeCached(
                    sql: """
                        INSERT INTO messages (id, tenant_id, conversation_id, customer_id, channel_id, direction, author, text,
                                              answer_source, delivery_status, created_at)
                        VALUES (?, ?, ?, ?, ?, 'outbound', ?, ?, ?, ?, ?)
                        """,
                    arguments: [reply.message.id, tenantID, processed.conversation.id, processed.customerID,
                                item.channel.channelID, reply.author.rawValue, reply.message.text, reply.source,
                                processed.deliveredInline ? "sent" : "queued", now]
                )
                try db.executeCached(
                    sql: """
                        INSERT INTO outbox (tenant_id, channel_id, message_id, reply, address, status, next_attempt_at,
                                            created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [tenantID, item.channel.channelID, reply.message.id, replyPayload, addressPayload,
                                processed.deliveredInline ? "sent" : "pending", now, now, now]
                )
                outboxID = db.lastInsertedRowID
            }
            try db.executeCached(
                sql: """
                    UPDATE conversations SET status = COALESCE(?, status), unanswered_count = COALESCE(?, unanswered_count),
                                             updated_at = ?
                    WHERE id = ? AND tenant_id = ?
                    """,
                arguments: [processed.newStatus?.rawValue, processed.unansweredCount, now, processed.conversation.id, tenantID]
            )
            return outboxID
        }
    }
}
