import GRDB

extension SQLiteStore {
    /// The schema's history. A shipped migration is never edited: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: customers, conversations, messages, inbox, outbox") { db in
            try db.execute(sql: """
                CREATE TABLE customers (
                    id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    display_name TEXT,
                    phone TEXT,
                    email TEXT,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX customers_by_tenant_phone ON customers(tenant_id, phone);
                CREATE INDEX customers_by_tenant_email ON customers(tenant_id, email);

                CREATE TABLE channel_identities (
                    id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                    channel_kind TEXT NOT NULL,
                    channel_id TEXT NOT NULL,
                    channel_user_id TEXT NOT NULL,
                    display_name TEXT,
                    phone TEXT,
                    email TEXT,
                    evidence TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    UNIQUE (tenant_id, channel_kind, channel_user_id)
                );
                CREATE INDEX channel_identities_by_customer ON channel_identities(customer_id);

                CREATE TABLE conversations (
                    id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                    channel_id TEXT NOT NULL,
                    thread_key TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('assistant', 'waiting', 'assigned', 'closed')),
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE UNIQUE INDEX conversations_open_thread
                    ON conversations(channel_id, thread_key) WHERE status <> 'closed';
                CREATE INDEX conversations_by_tenant ON conversations(tenant_id, updated_at);

                CREATE TABLE messages (
                    id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                    customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
                    channel_id TEXT NOT NULL,
                    direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
                    author TEXT NOT NULL CHECK (author IN ('customer', 'assistant', 'agent', 'system')),
                    text TEXT NOT NULL,
                    attachments TEXT,
                    provider_message_id TEXT,
                    answer_source TEXT,
                    delivery_status TEXT,
                    delivery_error TEXT,
                    created_at INTEGER NOT NULL
                );
                CREATE UNIQUE INDEX messages_inbound_dedupe
                    ON messages(channel_id, provider_message_id) WHERE direction = 'inbound';
                CREATE INDEX messages_by_conversation ON messages(conversation_id, created_at);
                CREATE INDEX messages_by_customer ON messages(tenant_id, customer_id, created_at);

                CREATE TABLE inbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    tenant_id TEXT NOT NULL,
                    channel_id TEXT NOT NULL,
                    channel_kind TEXT NOT NULL,
                    provider_message_id TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    request_id TEXT,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'processing', 'done', 'failed')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER NOT NULL,
                    last_error TEXT,
                    received_at INTEGER NOT NULL,
                    processed_at INTEGER,
                    UNIQUE (channel_id, provider_message_id)
                );
                CREATE INDEX inbox_due ON inbox(status, next_attempt_at);

                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    tenant_id TEXT NOT NULL,
                    channel_id TEXT NOT NULL,
                    message_id TEXT NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
                    reply BLOB NOT NULL,
                    address BLOB NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dead', 'uncertain')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    parts_sent INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER NOT NULL,
                    last_error TEXT,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

                CREATE TABLE outbound_parts (
                    channel_id TEXT NOT NULL,
                    provider_message_id TEXT NOT NULL,
                    message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
                    part INTEGER NOT NULL,
                    PRIMARY KEY (channel_id, provider_message_id)
                );
                """)
        }
        registerPipelineMigration(&migrator)
        registerIdentityMigration(&migrator)
        registerGuardsAndLedgerMigration(&migrator)
        registerCursorMigration(&migrator)
        registerOptOutMigration(&migrator)
        registerUndeliverableMigration(&migrator)
        registerMessageVectorMigration(&migrator)
        registerSemanticCacheMigration(&migrator)
        registerLiveChannelMigration(&migrator)
        registerAdminMigration(&migrator)
        registerChannelPauseMigration(&migrator)
        registerCustomerBlockMigration(&migrator)
        registerTenantSettingsMigration(&migrator)
        registerKnowledgeExamplesMigration(&migrator)
        registerLearnedPhrasingsMigration(&migrator)
        return migrator
    }
}
