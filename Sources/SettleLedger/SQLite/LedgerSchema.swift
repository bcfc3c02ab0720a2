/// The ledger's tables, versioned with SQLite's `user_version`.
enum LedgerSchema {
    static let version = 1

    static func migrate(_ database: SQLiteDatabase) throws(LedgerError) {
        let current = try database.query("PRAGMA user_version").first?.first?.integer ?? 0
        guard current < Int64(version) else {
            guard current == Int64(version) else { throw LedgerError("the ledger is from a newer version (schema \(current))") }
            return
        }
        try database.transaction { () throws(LedgerError) in
            try database.execute(
                """
                CREATE TABLE settlements (
                    id TEXT PRIMARY KEY,
                    idempotency_key TEXT,
                    fingerprint TEXT NOT NULL,
                    merchant_number TEXT NOT NULL,
                    terminal_number TEXT NOT NULL,
                    batch_number INTEGER NOT NULL,
                    batch_date TEXT NOT NULL,
                    industry TEXT NOT NULL,
                    record_count INTEGER NOT NULL,
                    net_deposit INTEGER NOT NULL,
                    hashing_total INTEGER NOT NULL,
                    cash_back_total INTEGER NOT NULL,
                    environment TEXT NOT NULL,
                    state TEXT NOT NULL,
                    response_code TEXT,
                    response_text TEXT,
                    response_batch_number INTEGER,
                    response_net_deposit INTEGER,
                    response_record_count INTEGER,
                    rejection TEXT,
                    failure TEXT,
                    answer_status INTEGER,
                    answer_body BLOB,
                    resolution TEXT,
                    resolution_note TEXT,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE UNIQUE INDEX settlements_key ON settlements(idempotency_key) WHERE idempotency_key IS NOT NULL;
                CREATE INDEX settlements_batch ON settlements(merchant_number, terminal_number, batch_number, environment);
                CREATE INDEX settlements_created ON settlements(created_at);
                CREATE TABLE settlement_records (
                    settlement_id TEXT NOT NULL REFERENCES settlements(id),
                    record_index INTEGER NOT NULL,
                    masked_card_number TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    transaction_code TEXT NOT NULL,
                    PRIMARY KEY (settlement_id, record_index)
                );
                PRAGMA user_version = \(version);
                """)
        }
    }
}
