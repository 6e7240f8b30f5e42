import GRDB

extension SQLiteStore {
    /// v4: guard counters, notices, the cost ledger, budget reservations and alerts.
    static func registerGuardsAndLedgerMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4: guards and ledger") { db in
            try db.execute(sql: """
                CREATE TABLE guard_counters (
                    tenant_id TEXT NOT NULL,
                    key TEXT NOT NULL,
                    window_start INTEGER NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (tenant_id, key, window_start)
                ) WITHOUT ROWID;

                CREATE TABLE guard_notices (
                    tenant_id TEXT NOT NULL,
                    customer_id TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    window_start INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (tenant_id, customer_id, reason, window_start)
                ) WITHOUT ROWID;

                CREATE TABLE cost_ledger (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    tenant_id TEXT NOT NULL,
                    channel_id TEXT,
                    kind TEXT NOT NULL,
                    quantity INTEGER NOT NULL CHECK (quantity >= 0),
                    unit TEXT NOT NULL,
                    unit_price_nanos INTEGER NOT NULL CHECK (unit_price_nanos >= 0),
                    amount_nanos INTEGER NOT NULL CHECK (amount_nanos >= 0),
                    reference TEXT,
                    month TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX cost_ledger_by_month ON cost_ledger(tenant_id, month);

                CREATE TABLE budget_reservations (
                    id TEXT PRIMARY KEY,
                    tenant_id TEXT NOT NULL,
                    month TEXT NOT NULL,
                    amount_nanos INTEGER NOT NULL CHECK (amount_nanos >= 0),
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX budget_reservations_by_tenant ON budget_reservations(tenant_id, created_at);

                CREATE TABLE budget_alerts (
                    tenant_id TEXT NOT NULL,
                    month TEXT NOT NULL,
                    threshold INTEGER NOT NULL,
                    spent_nanos INTEGER NOT NULL,
                    limit_nanos INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (tenant_id, month, threshold)
                ) WITHOUT ROWID;
                """)
        }
    }
}
