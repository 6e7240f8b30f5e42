import ChannelKit
import Foundation
import GRDB

extension SQLiteStore {
    /// Finds the customer who sent `message` on `channel`, creating them on first contact, and the
    /// open conversation on that thread, opening one if there is none. Idempotent.
    public func identify(_ message: InboundMessage, on channel: ChannelRef) async throws -> (customerID: String, conversation: ConversationRecord) {
        let now = Self.now()
        return try await pool.write { db in
            let sender = message.sender
            let customerID: String
            if let existing = try String.fetchOne(
                db,
                sql: "SELECT customer_id FROM channel_identities WHERE tenant_id = ? AND channel_kind = ? AND channel_user_id = ?",
                arguments: [channel.tenantID, channel.kind.rawValue, sender.channelUserID]
            ) {
                customerID = existing
            } else {
                customerID = UUID().uuidString.lowercased()
                let email = sender.email?.trimmingCharacters(in: .whitespaces).lowercased()
                try db.execute(
                    sql: "INSERT INTO customers (id, tenant_id, display_name, phone, email, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [customerID, channel.tenantID, sender.displayName, sender.phone, email, now]
                )
                try db.execute(
                    sql: """
                        INSERT INTO channel_identities (id, tenant_id, customer_id, channel_kind, channel_id, channel_user_id,
                                                        display_name, phone, email, evidence, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [UUID().uuidString.lowercased(), channel.tenantID, customerID, channel.kind.rawValue,
                                channel.channelID, sender.channelUserID, sender.displayName, sender.phone, email,
                                "first message on channel \(channel.channelID)", now]
                )
            }
            if let row = try Row.fetchOne(
                db,
                sql: "SELECT * FROM conversations WHERE channel_id = ? AND thread_key = ? AND status <> 'closed'",
                arguments: [channel.channelID, message.threadKey]
            ) {
                return (customerID, ConversationRecord(row: row))
            }
            let conversation = ConversationRecord(
                id: UUID().uuidString.lowercased(), tenantID: channel.tenantID, customerID: customerID,
                channelID: channel.channelID, threadKey: message.threadKey, status: .assistant,
                createdAt: Date(milliseconds: now), updatedAt: Date(milliseconds: now)
            )
            try db.execute(
                sql: """
                    INSERT INTO conversations (id, tenant_id, customer_id, channel_id, thread_key, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'assistant', ?, ?)
                    """,
                arguments: [conversation.id, conversation.tenantID, customerID, conversation.channelID, conversation.threadKey, now, now]
            )
            return (customerID, conversation)
        }
    }

    /// The conversations of a tenant, most recently active first.
    public func conversations(tenantID: String, limit: Int = 100) async throws -> [ConversationRecord] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM conversations WHERE tenant_id = ? ORDER BY updated_at DESC, id LIMIT ?",
                arguments: [tenantID, limit]
            ).map(ConversationRecord.init(row:))
        }
    }

    /// The messages of one of a tenant's conversations, oldest first.
    public func messages(tenantID: String, conversationID: String) async throws -> [MessageRecord] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM messages WHERE tenant_id = ? AND conversation_id = ? ORDER BY created_at, rowid",
                arguments: [tenantID, conversationID]
            ).map(MessageRecord.init(row:))
        }
    }
}

extension ConversationRecord {
    init(row: Row) {
        self.init(
            id: row["id"], tenantID: row["tenant_id"], customerID: row["customer_id"], channelID: row["channel_id"],
            threadKey: row["thread_key"], status: ConversationStatus(rawValue: row["status"]) ?? .assistant,
            createdAt: Date(milliseconds: row["created_at"]), updatedAt: Date(milliseconds: row["updated_at"])
        )
    }
}

extension MessageRecord {
    init(row: Row) {
        self.init(
            id: row["id"], conversationID: row["conversation_id"], customerID: row["customer_id"],
            channelID: row["channel_id"], direction: Direction(rawValue: row["direction"]) ?? .inbound,
            author: Author(rawValue: row["author"]) ?? .system, text: row["text"],
            providerMessageID: row["provider_message_id"], answerSource: row["answer_source"],
            deliveryStatus: row["delivery_status"], deliveryError: row["delivery_error"],
            createdAt: Date(milliseconds: row["created_at"])
        )
    }
}
