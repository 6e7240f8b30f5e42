import Foundation
import GRDB

extension SQLiteStore {
    /// v8: one embedding per stored message, made by the configured embedder.
    static func registerMessageVectorMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8: message vectors") { db in
            try db.execute(sql: """
                CREATE TABLE message_vectors (
                    message_rowid INTEGER PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    embedder TEXT NOT NULL,
                    vector BLOB NOT NULL,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX message_vectors_by_tenant ON message_vectors(tenant_id, embedder);
                """)
        }
    }

    /// Forgets vectors another embedder made (they are not comparable with this one's); the
    /// messages are embedded again. Returns how many were dropped.
    public func dropMessageVectors(notMadeBy embedder: String) async throws -> Int {
        // Looking in the (tenant, embedder) index first spares a scan of every vector at each start.
        let stale = try await pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM message_vectors INDEXED BY message_vectors_by_tenant WHERE embedder != ?)", arguments: [embedder]) ?? false
        }
        guard stale else { return 0 }
        return try await pool.write { db in
            try db.execute(sql: "DELETE FROM message_vectors WHERE embedder != ?", arguments: [embedder])
            return db.changesCount
        }
    }

    /// Messages with text and no vector yet, oldest first, from rowid `after` on. Blocked
    /// messages are not remembered.
    public func messagesToEmbed(after rowid: Int64, limit: Int) async throws -> [PendingMessage] {
        try await pool.read { db in
            try Row.fetchAllCached(
                db,
                sql: """
                    SELECT m.rowid AS rowid, m.tenant_id, m.customer_id, m.text FROM messages m
                    LEFT JOIN message_vectors v ON v.message_rowid = m.rowid
                    WHERE m.rowid > ? AND v.message_rowid IS NULL AND m.text != '' AND m.blocked_reason IS NULL
                    ORDER BY m.rowid LIMIT ?
                    """,
                arguments: [rowid, limit]
            ).map { PendingMessage(rowid: $0["rowid"], tenantID: $0["tenant_id"], customerID: $0["customer_id"], text: $0["text"]) }
        }
    }

    /// Stores embeddings as float16 (a message embedded twice keeps the last).
    ///
    /// - Throws: `VectorIndexError.invalidVector`, storing nothing, when a vector has a
    ///   component that is not finite or beyond float16's range.
    public func storeMessageVectors(_ vectors: [MessageVector], embedder: String) async throws {
        guard !vectors.isEmpty else { return }
        let blobs = try vectors.map { vector in
            guard let blob = vector.vector.float16Blob else { throw VectorIndexError.unstorable(rowid: vector.rowid) }
            return blob
        }
        let now = Self.now()
        try await pool.write { db in
            for (vector, blob) in zip(vectors, blobs) {
                try db.executeCached(
                    sql: """
                        INSERT INTO message_vectors (message_rowid, tenant_id, embedder, vector, created_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (message_rowid) DO UPDATE SET vector = excluded.vector, embedder = excluded.embedder
                        """,
                    arguments: [vector.rowid, vector.tenantID, embedder, blob, now]
                )
            }
        }
    }

    /// The tenants that have vectors of `embedder` (read from the (tenant, embedder) index).
    func messageVectorTenants(embedder: String) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT DISTINCT tenant_id FROM message_vectors INDEXED BY message_vectors_by_tenant WHERE embedder = ?",
                arguments: [embedder]
            )
        }
    }

    /// The tenant's vectors of `embedder`, each with its message's current customer (merges
    /// move messages between customers), in rowid order: one read (counted and read in the
    /// same snapshot, the file memory-mapped for it), for rebuilding the in-memory index at
    /// start-up.
    func messageVectors(tenantID: String, embedder: String, dimension: Int) async throws -> TenantVectors {
        try await pool.read { db in
            let arguments: StatementArguments = [tenantID, embedder]
            let count = try Int.fetchOne(
                db,
                sql: "SELECT count(*) FROM message_vectors INDEXED BY message_vectors_by_tenant WHERE tenant_id = ? AND embedder = ?",
                arguments: arguments
            ) ?? 0
            try db.execute(sql: "PRAGMA mmap_size = \(Self.bulkReadMapSize)")
            defer { try? db.execute(sql: "PRAGMA mmap_size = 0") }
            let statement = try db.makeStatement(sql: """
                SELECT v.message_rowid, m.customer_id, v.vector FROM message_vectors v
                JOIN messages m ON m.rowid = v.message_rowid
                WHERE v.tenant_id = ? AND v.embedder = ? ORDER BY v.message_rowid
                """)
            try statement.setArguments(arguments)
            return try TenantVectors(dimension: dimension, capacity: count, stepping: statement, in: db)
        }
    }

    /// How much of the file a bulk read maps into memory (SQLite caps it at its build's
    /// maximum, 2 GB on Debian): reading mapped pages saves a copy per page.
    static let bulkReadMapSize: Int64 = 1 << 40

    /// Deletes the vectors of these messages (unreadable ones: their messages are embedded again).
    func deleteMessageVectors(rowids: [Int64]) async throws {
        guard !rowids.isEmpty else { return }
        try await pool.write { db in
            for rowid in rowids {
                try db.executeCached(sql: "DELETE FROM message_vectors WHERE message_rowid = ?", arguments: [rowid])
            }
        }
    }

    /// The texts of `rowids` that still belong to this customer of this tenant, by rowid: the
    /// last check before a memory is shown (an index may be stale after a merge or an erasure).
    public func messageTexts(rowids: [Int64], customerID: String, tenantID: String) async throws -> [Int64: String] {
        guard !rowids.isEmpty else { return [:] }
        return try await pool.read { db in
            let placeholders = Array(repeating: "?", count: rowids.count).joined(separator: ",")
            var arguments: StatementArguments = [tenantID, customerID]
            arguments += StatementArguments(rowids)
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT rowid, text FROM messages WHERE tenant_id = ? AND customer_id = ? AND rowid IN (\(placeholders))",
                arguments: arguments
            )
            return Dictionary(rows.map { ($0["rowid"] as Int64, $0["text"] as String) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The rowids of messages with these ids (to leave the recent history out of memories).
    public func messageRowids(ids: [String], tenantID: String) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await pool.read { db in
            let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
            var arguments: StatementArguments = [tenantID]
            arguments += StatementArguments(ids)
            return Set(try Int64.fetchAll(db, sql: "SELECT rowid FROM messages WHERE tenant_id = ? AND id IN (\(placeholders))", arguments: arguments))
        }
    }
}
