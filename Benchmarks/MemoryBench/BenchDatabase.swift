import Brain
import CHalfVectors
import Foundation
import GRDB
import Logging

/// The database MemoryBench loads: the gateway's schema (made by `SQLiteStore.open`), filled
/// in one transaction with customers, conversations, messages and their vectors.
enum BenchDatabase {
    static let tenantID = "bench-big"
    static let otherTenantID = "bench-other"
    static let otherTenantSize = 1000
    static let embedderID = "memory-bench-384"
    static let dimension = 384

    static func customerID(_ index: Int) -> String { "cus_bench_\(index)" }

    /// Writes the file unless it already holds exactly this data set.
    static func prepare(path: String, size: Int, perCustomer: Int, float32: Bool, logger: Logger) async throws {
        if FileManager.default.fileExists(atPath: path), (try? await vectorCount(path: path)) == size + otherTenantSize {
            return
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        _ = try await SQLiteStore.open(path: path, logger: logger)
        let queue = try DatabaseQueue(path: path)
        let start = ContinuousClock.now
        try await queue.write { db in
            var generator = SeededGenerator(seed: 0x4D45_4D00 &+ UInt64(size))
            var rowid: Int64 = 0
            try fill(db, tenantID: tenantID, count: size, perCustomer: perCustomer, float32: float32, rowid: &rowid, generator: &generator)
            try fill(db, tenantID: otherTenantID, count: otherTenantSize, perCustomer: perCustomer, float32: float32, rowid: &rowid, generator: &generator)
        }
        try await queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        FileHandle.standardError.write(Data("wrote \(size + otherTenantSize) messages and vectors to \(path) in \(ContinuousClock.now - start)\n".utf8))
    }

    static func vectorCount(path: String) async throws -> Int {
        try await DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM message_vectors") ?? 0 }
    }

    private static func fill(_ db: Database, tenantID: String, count: Int, perCustomer: Int, float32: Bool, rowid: inout Int64, generator: inout SeededGenerator) throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let customer = try db.makeStatement(sql: "INSERT INTO customers (id, tenant_id, created_at) VALUES (?, ?, ?)")
        let conversation = try db.makeStatement(sql: """
            INSERT INTO conversations (id, tenant_id, customer_id, channel_id, thread_key, status, created_at, updated_at)
            VALUES (?, ?, ?, 'bench-channel', ?, 'assistant', ?, ?)
            """)
        let message = try db.makeStatement(sql: """
            INSERT INTO messages (rowid, id, tenant_id, conversation_id, customer_id, channel_id, direction, author, text, created_at)
            VALUES (?, ?, ?, ?, ?, 'bench-channel', 'inbound', 'customer', ?, ?)
            """)
        let vector = try db.makeStatement(sql: """
            INSERT INTO message_vectors (message_rowid, tenant_id, embedder, vector, created_at) VALUES (?, ?, ?, ?, ?)
            """)
        var components = [Float](repeating: 0, count: dimension)
        var halves = [UInt16](repeating: 0, count: dimension)
        for index in 0 ..< count {
            let customerIndex = index / perCustomer + (tenantID == self.tenantID ? 0 : 1_000_000_000)
            let customerID = customerID(customerIndex)
            let conversationID = "con_bench_\(customerIndex)"
            if index % perCustomer == 0 {
                try customer.execute(arguments: [customerID, tenantID, now])
                try conversation.execute(arguments: [conversationID, tenantID, customerID, conversationID, now, now])
            }
            rowid += 1
            try message.execute(arguments: [rowid, "msg_bench_\(rowid)", tenantID, conversationID, customerID, "bench message \(rowid)", now])
            randomUnitVector(&components, using: &generator)
            let blob: Data
            if float32 {
                blob = components.withUnsafeBytes { Data($0) }
            } else {
                _ = components.withUnsafeBytes { half_from_float($0.baseAddress, &halves, dimension) }
                blob = halves.withUnsafeBytes { Data($0) }
            }
            try vector.execute(arguments: [rowid, tenantID, embedderID, blob, now])
        }
    }

    private static func randomUnitVector(_ vector: inout [Float], using generator: inout SeededGenerator) {
        var sum: Float = 0
        for index in vector.indices {
            let value = Float(Int64(bitPattern: generator.next()) >> 40) * 0x1p-23
            vector[index] = value
            sum += value * value
        }
        let scale = 1 / sum.squareRoot()
        for index in vector.indices { vector[index] *= scale }
    }
}
