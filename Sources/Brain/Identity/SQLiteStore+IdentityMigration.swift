import GRDB

extension SQLiteStore {
    /// v3: identity linking across channels.
    ///
    /// `identity_links` is an audit log: it has no foreign key, so a merged (deleted) customer's
    /// history survives. From v3 on, `phone` and `email` in `customers` and `channel_identities`
    /// hold normalized values (E.164, lower-case), the form links compare.
    static func registerIdentityMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3: identity links") { db in
            try db.execute(sql: """
                CREATE TABLE identity_links (
                    id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    customer_id TEXT NOT NULL,
                    identity_id TEXT,
                    action TEXT NOT NULL CHECK (action IN ('link', 'unlink', 'merge', 'create')),
                    evidence TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX identity_links_by_customer ON identity_links(tenant_id, customer_id, created_at);
                CREATE INDEX identity_links_by_identity ON identity_links(identity_id);

                ALTER TABLE channel_identities ADD COLUMN verified INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX channel_identities_by_tenant_phone ON channel_identities(tenant_id, phone);
                CREATE INDEX channel_identities_by_tenant_email ON channel_identities(tenant_id, email);
                CREATE INDEX conversations_by_customer ON conversations(tenant_id, customer_id, channel_id);
                """)
        }
    }
}
