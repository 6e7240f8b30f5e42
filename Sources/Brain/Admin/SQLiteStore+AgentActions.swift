import ChannelKit
import Foundation
import GRDB

/// What human agents do with conversations: list and read them, take them over, reply through
/// the conversation's channel, hand them back, close them. Every query is scoped by tenant, and
/// every change is audited in the same transaction.
extension SQLiteStore {
    /// A tenant's conversation, or nil (also for another tenant's).
    public func conversation(id: String, tenantID: String) async throws -> ConversationRecord? {
        try await pool.read { db in try Self.conversation(db, id: id, tenantID: tenantID) }
    }

    /// A page of a tenant's conversations, most recently active first, after the cursor
    /// (the last row of the previous page: its update time and id).
    public func conversations(
        tenantID: String, filter: ConversationFilter, after cursor: (updatedAt: Date, id: String)?, limit: Int
    ) async throws -> [ConversationRecord] {
        var conditions = ["tenant_id = ?"]
        var arguments: StatementArguments = [tenantID]
        if let status = filter.status {
            conditions.append("status = ?")
            _ = arguments.append(contentsOf: [status.rawValue])
        }
        if let channelID = filter.channelID {
            conditions.append("channel_id = ?")
            _ = arguments.append(contentsOf: [channelID])
        }
        switch filter.owner {
        case .assistant?: conditions.append("status = 'assistant'")
        case .human?: conditions.append("status IN ('waiting', 'assigned')")
        case nil: break
        }
        if let cursor {
            conditions.append("(updated_at < ? OR (updated_at = ? AND id < ?))")
            _ = arguments.append(contentsOf: [cursor.updatedAt.milliseconds, cursor.updatedAt.milliseconds, cursor.id])
        }
        _ = arguments.append(contentsOf: [limit])
        let sql = "SELECT * FROM conversations WHERE \(conditions.joined(separator: " AND ")) ORDER BY updated_at DESC, id DESC LIMIT ?"
        let bound = arguments
        return try await pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map(ConversationRecord.init(row:))
        }
    }

    /// A page of a conversation's messages, oldest first, after the message with `afterRowID`.
    /// Nil when the tenant has no such conversation.
    public func messages(
        tenantID: String, conversationID: String, afterRowID: Int64?, limit: Int
    ) async throws -> [(rowID: Int64, message: MessageRecord)]? {
        try await pool.read { db in
            guard try Self.conversation(db, id: conversationID, tenantID: tenantID) != nil else { return nil }
            return try Row.fetchAllCached(
                db,
                sql: """
                    SELECT rowid AS row_id, * FROM messages WHERE tenant_id = ? AND conversation_id = ? AND rowid > ?
                    ORDER BY rowid LIMIT ?
                    """,
                arguments: [tenantID, conversationID, afterRowID ?? 0, limit]
            ).map { (rowID: $0["row_id"], message: MessageRecord(row: $0)) }
        }
    }

    /// A human owns the conversation now; the assistant stays silent in it.
    public func takeOver(conversationID: String, by key: APIKeyRecord) async throws -> ConversationRecord {
        try await change(conversationID, by: key, action: "conversation.takeover") { db, _, now in
            try db.execute(
                sql: "UPDATE conversations SET status = 'assigned', assigned_to = ?, updated_at = ? WHERE id = ? AND tenant_id = ?",
                arguments: [key.name, now, conversationID, key.tenantID]
            )
        }.0
    }

    /// The assistant answers the conversation again.
    public func handBack(conversationID: String, by key: APIKeyRecord) async throws -> ConversationRecord {
        try await change(conversationID, by: key, action: "conversation.handback") { db, _, now in
            try db.execute(
                sql: """
                    UPDATE conversations SET status = 'assistant', assigned_to = NULL, unanswered_count = 0, updated_at = ?
                    WHERE id = ? AND tenant_id = ?
                    """,
                arguments: [now, conversationID, key.tenantID]
            )
        }.0
    }

    /// Closes the conversation; the customer's next message opens a new one.
    public func close(conversationID: String, by key: APIKeyRecord) async throws -> ConversationRecord {
        try await change(conversationID, by: key, action: "conversation.close") { db, _, now in
            try db.execute(
                sql: "UPDATE conversations SET status = 'closed', assigned_to = NULL, updated_at = ? WHERE id = ? AND tenant_id = ?",
                arguments: [now, conversationID, key.tenantID]
            )
        }.0
    }

    /// Queues an agent's reply through the conversation's channel (outbox, like every reply),
    /// taking the conversation over if no human owned it. Returns the stored message and the
    /// conversation as it is now.
    public func queueAgentReply(conversationID: String, text: String, by key: APIKeyRecord) async throws -> (MessageRecord, ConversationRecord) {
        let messageID = "msg_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let (conversation, stored) = try await change(conversationID, by: key, action: "conversation.reply", details: ["messageId": messageID]) { db, conversation, now -> MessageRecord? in
            let address = try Self.replyAddress(db, for: conversation)
            let reply = OutboundMessage(id: messageID, text: text, intent: .answer, agentName: key.name)
            let encoder = JSONEncoder()
            try db.execute(
                sql: """
                    INSERT INTO messages (id, tenant_id, conversation_id, customer_id, channel_id, direction, author, text,
                                          delivery_status, agent, created_at)
                    VALUES (?, ?, ?, ?, ?, 'outbound', 'agent', ?, 'queued', ?, ?)
                    """,
                arguments: [messageID, key.tenantID, conversation.id, conversation.customerID, conversation.channelID, text, key.name, now]
            )
            try db.execute(
                sql: """
                    INSERT INTO outbox (tenant_id, channel_id, message_id, reply, address, status, next_attempt_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)
                    """,
                arguments: [key.tenantID, conversation.channelID, messageID, try encoder.encode(reply), try encoder.encode(address), now, now, now]
            )
            try db.execute(
                sql: "UPDATE conversations SET status = 'assigned', assigned_to = COALESCE(CASE WHEN status = 'assigned' THEN assigned_to END, ?), updated_at = ? WHERE id = ? AND tenant_id = ?",
                arguments: [key.name, now, conversation.id, key.tenantID]
            )
            return try Row.fetchOne(db, sql: "SELECT * FROM messages WHERE id = ?", arguments: [messageID]).map(MessageRecord.init(row:))
        }
        guard let stored else { throw AgentActionError.notFound }
        return (stored, conversation)
    }

    /// Applies `update` to an open conversation of the key's tenant and audits it, in one
    /// transaction; returns the conversation as it is afterwards.
    @discardableResult
    private func change<Result: Sendable>(
        _ conversationID: String, by key: APIKeyRecord, action: String, details: [String: String]? = nil,
        _ update: @escaping @Sendable (Database, ConversationRecord, Int64) throws -> Result
    ) async throws -> (ConversationRecord, Result) {
        let now = Self.now()
        return try await pool.write { db in
            guard let conversation = try Self.conversation(db, id: conversationID, tenantID: key.tenantID) else {
                throw AgentActionError.notFound
            }
            guard conversation.status != .closed else { throw AgentActionError.closed }
            let result = try update(db, conversation, now)
            try Self.recordAudit(db, key: key, action: action, target: conversationID, details: details, now: now)
            guard let changed = try Self.conversation(db, id: conversationID, tenantID: key.tenantID) else { throw AgentActionError.notFound }
            return (changed, result)
        }
    }

    private static func conversation(_ db: Database, id: String, tenantID: String) throws -> ConversationRecord? {
        try Row.fetchOneCached(db, sql: "SELECT * FROM conversations WHERE id = ? AND tenant_id = ?", arguments: [id, tenantID])
            .map(ConversationRecord.init(row:))
    }

    /// Where a reply in the conversation goes: to the sender of its latest inbound message, on
    /// the same thread, with that message's context (an email's subject and references).
    private static func replyAddress(_ db: Database, for conversation: ConversationRecord) throws -> ConversationAddress {
        let payload = try Data.fetchOne(
            db,
            sql: """
                SELECT i.payload FROM messages m
                JOIN inbox i ON i.channel_id = m.channel_id AND i.provider_message_id = m.provider_message_id
                WHERE m.conversation_id = ? AND m.tenant_id = ? AND m.direction = 'inbound'
                ORDER BY m.rowid DESC LIMIT 1
                """,
            arguments: [conversation.id, conversation.tenantID]
        )
        guard let payload, let message = try? JSONDecoder().decode(InboundMessage.self, from: payload) else {
            throw AgentActionError.noAddress
        }
        return ConversationAddress(
            recipient: message.sender, threadKey: message.threadKey, inReplyTo: message.providerMessageID, context: message.metadata
        )
    }
}
