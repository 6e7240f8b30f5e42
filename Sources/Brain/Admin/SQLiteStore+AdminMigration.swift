import GRDB

extension SQLiteStore {
    /// v11: admin API keys (hashed), the audit log, and who owns or wrote what.
    static func registerAdminMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11: admin api") { db in
            try db.execute(sql: """
                CREATE TABLE api_keys (
                    id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
                    name TEXT NOT NULL,
                    secret_hash TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    revoked_at INTEGER
                );
                CREATE INDEX api_keys_by_tenant ON api_keys(tenant_id);
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    tenant_id TEXT NOT NULL,
                    key_id TEXT NOT NULL,
                    actor_name TEXT NOT NULL,
                    actor_role TEXT NOT NULL,
                    action TEXT NOT NULL,
                    target TEXT NOT NULL,
                    details TEXT,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX audit_log_by_tenant ON audit_log(tenant_id, id);
                ALTER TABLE conversations ADD COLUMN assigned_to TEXT;
                ALTER TABLE messages ADD COLUMN agent TEXT;
                """)
        }
    }
}
