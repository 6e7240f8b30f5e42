import ChannelKit
import Foundation
import GRDB

extension SQLiteStore {
    /// Finds (or creates) the customer who sent `message` on `channel` and the open conversation
    /// on that thread, in one transaction. Idempotent.
    public func identify(_ message: InboundMessage, on channel: ChannelRef, defaultRegion: String = "US") async throws -> (customerID: String, conversation: ConversationRecord) {
        let identified = try await identifySender(of: message, on: channel, defaultRegion: defaultRegion)
        return (identified.customer.id, identified.conversation)
    }

    /// The sender of `message` as a customer (created on first contact, linked across channels),
    /// whether the channel proved their identity, and the open conversation on the thread.
    public func identifySender(of message: InboundMessage, on channel: ChannelRef, defaultRegion: String) async throws -> Identified {
        let evidence = IdentityEvidence(sender: message.sender, channel: channel, defaultRegion: defaultRegion)
        let now = Self.now()
        return try await pool.write { db in
            let (customer, isNew) = try Self.resolveCustomer(message.sender, on: channel, evidence: evidence, now: now, db)
            let proven = try IdentityRows.identity(db, channelUserID: message.sender.channelUserID, on: channel)?.verified ?? false
            let conversation = try Self.openConversation(customerID: customer.id, channel: channel, threadKey: message.threadKey, now: now, db)
            return Identified(customer: customer, isNewCustomer: isNew, senderIsProven: proven, conversation: conversation)
        }
    }

    /// The open conversation on a channel's thread, opened for `customerID` if there is none.
    public func openConversation(customerID: String, channel: ChannelRef, threadKey: String) async throws -> ConversationRecord {
        let now = Self.now()
        return try await pool.write { db in
            try Self.openConversation(customerID: customerID, channel: channel, threadKey: threadKey, now: now, db)
        }
    }

    static func openConversation(customerID: String, channel: ChannelRef, threadKey: String, now: Int64, _ db: Database) throws -> ConversationRecord {
        if let row = try Row.fetchOneCached(
            db,
            sql: "SELECT * FROM conversations WHERE tenant_id = ? AND channel_id = ? AND thread_key = ? AND status <> 'closed'",
            arguments: [channel.tenantID, channel.channelID, threadKey]
        ) {
            return ConversationRecord(row: row)
        }
        let conversation = ConversationRecord(
            id: UUID().uuidString.lowercased(), tenantID: channel.tenantID, customerID: customerID,
            channelID: channel.channelID, threadKey: threadKey, status: .assistant, unansweredCount: 0,
            createdAt: Date(milliseconds: now), updatedAt: Date(milliseconds: now)
        )
        try db.executeCached(
            sql: """
                INSERT INTO conversations (id, tenant_id, customer_id, channel_id, thread_key, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'assistant', ?, ?)
                """,
            arguments: [conversation.id, conversation.tenantID, customerID, conversation.channelID, threadKey, now, now]
        )
        return conversation
    }

    /// The conversations of a tenant, most recently active first.
    public func conversations(tenantID: String, limit: Int = 100) async throws -> [ConversationRecord] {
        try await pool.read { db in
            try Row.fetchAllCached(
                db,
                sql: "SELECT * FROM conversations WHERE tenant_id = ? ORDER BY updated_at DESC, id LIMIT ?",
                arguments: [tenantID, limit]
            ).map(ConversationRecord.init(row:))
        }
    }

    /// The messages of one of a tenant's conversations, oldest first.
    public func messages(tenantID: String, conversationID: String) async throws -> [MessageRecord] {
        try await pool.read { db in
            try Row.fetchAllCached(
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
            unansweredCount: row["unanswered_count"] ?? 0,
            createdAt: Date(milliseconds: row["created_at"]), updatedAt: Date(milliseconds: row["updated_at"]),
            assignedTo: row.hasColumn("assigned_to") ? row["assigned_to"] : nil
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
            blockedReason: row["blocked_reason"],
            createdAt: Date(milliseconds: row["created_at"]),
            agent: row.hasColumn("agent") ? row["agent"] : nil
        )
    }
}
