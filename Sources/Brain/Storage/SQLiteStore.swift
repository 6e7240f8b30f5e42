import Foundation
import GRDB
import Logging

/// The embedded store: one SQLite file in WAL mode through a GRDB `DatabasePool`.
///
/// Every query is scoped by tenant or by a channel id that belongs to exactly one tenant.
/// Schema changes are migrations (``SQLiteStore/migrator``), never hand edits.
public final class SQLiteStore: Sendable {
    let pool: DatabasePool

    private init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public static func open(path: String, logger: Logger) async throws -> SQLiteStore {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.executeCached(sql: "PRAGMA synchronous = NORMAL")
            try db.executeCached(sql: "PRAGMA foreign_keys = ON")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        // Migrating is synchronous in GRDB; it runs once, before the server accepts requests.
        try Self.migrator.migrate(pool)
        logger.info("database ready", metadata: ["path": "\(path)"])
        return SQLiteStore(pool: pool)
    }

    /// The current time in milliseconds since 1970, the unit every timestamp column uses.
    static func now() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}

extension Date {
    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
