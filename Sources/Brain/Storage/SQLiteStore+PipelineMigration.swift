import GRDB

extension SQLiteStore {
    /// v2: what the pipeline's stages record beyond the durable path.
    static func registerPipelineMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2: blocked reasons, sender address, unanswered count") { db in
            try db.execute(sql: """
                ALTER TABLE messages ADD COLUMN blocked_reason TEXT;
                ALTER TABLE inbox ADD COLUMN remote_address TEXT;
                ALTER TABLE conversations ADD COLUMN unanswered_count INTEGER NOT NULL DEFAULT 0;
                """)
        }
    }
}
