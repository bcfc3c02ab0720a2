/// The ledger's tables, versioned with SQLite's `user_version`: each step takes a ledger from
/// the version before it to its own, in one transaction, so a ledger of any earlier version is
/// brought up to date at start and one from a newer build is refused.
enum LedgerSchema {
    /// The steps, the first making version 1.
    static let steps: [String] = [version1, version2, version3, version4, version5, version6, version7, version8, version9, version10, version11]
    static var version: Int { steps.count }

    static func migrate(_ database: SQLiteDatabase) throws(LedgerError) {
        while true {
            // Read inside the write transaction: of replicas starting together, one migrates
            // and the others then find the version it wrote.
            let done = try database.transaction { () throws(LedgerError) -> Bool in
                let current = try database.query("PRAGMA user_version").first?.first?.integer ?? 0
                guard current <= Int64(version) else { throw LedgerError("the ledger is from a newer version (schema \(current))") }
                guard current >= 0 else { throw LedgerError("the ledger's schema version \(current) is not one this build wrote") }
                guard current < Int64(version) else { return true }
                try database.execute(steps[Int(current)] + "\nPRAGMA user_version = \(current + 1);")
                return false
            }
            if done { return }
        }
    }

    static let version1 = """
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
        """

    /// The typed rejection columns of version 2 (PostgreSQL's schema starts with them too).
    static let version2Columns = """
        ALTER TABLE settlements ADD COLUMN rejection_error_type TEXT;
        ALTER TABLE settlements ADD COLUMN rejection_sequence_number INTEGER;
        ALTER TABLE settlements ADD COLUMN rejection_record_type TEXT;
        ALTER TABLE settlements ADD COLUMN rejection_field_number INTEGER;
        ALTER TABLE settlements ADD COLUMN rejection_data TEXT;
        ALTER TABLE settlements ADD COLUMN rejection_detail_index INTEGER;

        """

    /// The host's rejection in typed columns instead of JSON text (existing rows converted).
    /// Additive: the old `rejection` column stays (and is no longer written) so a process of the
    /// previous version sharing the file keeps working during a rolling deploy.
    static let version2 =
        version2Columns + """
            UPDATE settlements SET
                rejection_error_type = json_extract(rejection, '$.errorType'),
                rejection_sequence_number = json_extract(rejection, '$.sequenceNumber'),
                rejection_record_type = json_extract(rejection, '$.recordType'),
                rejection_field_number = json_extract(rejection, '$.fieldNumber'),
                rejection_data = json_extract(rejection, '$.data'),
                rejection_detail_index = json_extract(rejection, '$.detailRecordIndex')
            WHERE rejection IS NOT NULL AND json_valid(rejection);
            """

    /// Replica leases: who admitted each entry, under which term of its lease, and the leases
    /// themselves (see ``DatabaseLedger/acquireLease(instance:duration:at:)``). The partial index
    /// keeps recovery's search to the few entries not yet ended. An SQLite ledger has one process
    /// and no leases; the columns are here so both backends keep one description of the rows.
    static let version3 = """
        ALTER TABLE settlements ADD COLUMN owner TEXT;
        ALTER TABLE settlements ADD COLUMN owner_term INTEGER;
        CREATE INDEX settlements_open ON settlements(owner) WHERE state IN ('received', 'transmitting');
        CREATE TABLE replicas (
            instance_id TEXT PRIMARY KEY,
            term INTEGER NOT NULL,
            lease_until INTEGER NOT NULL,
            started_at INTEGER NOT NULL
        );

        """

    /// The last lease term given, one counter for the ledger, so no term is given twice whatever
    /// rows are forgotten; it starts above every term already in use.
    static let version4 = """
        CREATE TABLE IF NOT EXISTS lease_terms (last_term INTEGER NOT NULL);
        INSERT INTO lease_terms (last_term) SELECT COALESCE(MAX(term), 0) FROM replicas WHERE NOT EXISTS (SELECT 1 FROM lease_terms);

        """

    /// The events outbox: a settlement's state changes that callers are told about, written in
    /// the transaction of the change and numbered in the order of commit (see ``LedgerEvent``).
    /// Settlements ended before this version have no events.
    static let version5 = """
        CREATE TABLE settlement_events (
            sequence INTEGER NOT NULL,
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            settlement_id TEXT NOT NULL,
            state TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX settlement_events_sequence ON settlement_events(sequence);
        CREATE INDEX settlement_events_settlement ON settlement_events(settlement_id);

        """
}

extension LedgerSchema {
    /// The webhook outbox: endpoints seen (each delivered the events after the one current when it
    /// was first configured), one delivery per event and endpoint, and every try of it.
    static let version6 = """
        CREATE TABLE webhook_endpoints (
            id TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            scheduled_through INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE TABLE webhook_deliveries (
            id TEXT PRIMARY KEY,
            endpoint_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            event_sequence INTEGER NOT NULL,
            settlement_id TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at INTEGER NOT NULL,
            claimed_by TEXT,
            claimed_until INTEGER,
            last_status INTEGER,
            last_error TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            delivered_at INTEGER
        );
        CREATE UNIQUE INDEX webhook_deliveries_event ON webhook_deliveries(endpoint_id, event_id);
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE state = 'pending';
        CREATE INDEX webhook_deliveries_created ON webhook_deliveries(created_at);
        CREATE TABLE webhook_attempts (
            delivery_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            at INTEGER NOT NULL,
            replica TEXT NOT NULL,
            status INTEGER,
            error TEXT,
            milliseconds INTEGER NOT NULL,
            PRIMARY KEY (delivery_id, number)
        );

        """
}

extension LedgerSchema {
    /// What reconciliation reads of each record: sale or credit, and the cash back and gratuity
    /// within its amount (records kept before have none).
    static let version7 = """
        ALTER TABLE settlement_records ADD COLUMN kind TEXT;
        ALTER TABLE settlement_records ADD COLUMN cash_back INTEGER;
        ALTER TABLE settlement_records ADD COLUMN gratuity INTEGER;

        """
}

extension LedgerSchema {
    /// When a redelivered webhook's retry period began again.
    static let version8 = """
        ALTER TABLE webhook_deliveries ADD COLUMN retry_since INTEGER;

        """
}

extension LedgerSchema {
    /// Merchant profiles: the document as given (canonical JSON; no card data), the identity the
    /// scheduler and listings read without parsing it, the next cutoff, which a close moves on
    /// with a compare-and-set, so each cutoff is taken by one replica only, and the open batch's
    /// count and net, kept with every capture, void and close (a capture answers with them, and
    /// counting a day's captures at every capture would make the day quadratic).
    static let version9 = """
        CREATE TABLE merchant_profiles (
            id TEXT PRIMARY KEY,
            document BLOB NOT NULL,
            industry TEXT NOT NULL,
            merchant_number TEXT NOT NULL,
            terminal_number TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            next_cutoff_at INTEGER,
            open_captures INTEGER NOT NULL DEFAULT 0,
            open_net_amount INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX merchant_profiles_due ON merchant_profiles(next_cutoff_at);

        """
}

extension LedgerSchema {
    /// Captures: each detail record a merchant's open batch holds, its card number sealed
    /// (AES-256-GCM, with the id of the key) and hashed under a key for finding the same card
    /// again; never in the clear. `close_id` is set when a close freezes it.
    static let version10 = """
        CREATE TABLE captures (
            id TEXT PRIMARY KEY,
            merchant_id TEXT NOT NULL,
            idempotency_key TEXT,
            fingerprint TEXT NOT NULL,
            state TEXT NOT NULL,
            close_id TEXT,
            record BLOB NOT NULL,
            sealed_card_number TEXT,
            card_key_id TEXT,
            card_hash TEXT NOT NULL,
            card_hash_key_id TEXT NOT NULL,
            masked_card_number TEXT NOT NULL,
            amount INTEGER NOT NULL,
            kind TEXT NOT NULL,
            approval_code TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            erased_at INTEGER
        );
        CREATE UNIQUE INDEX captures_key ON captures(merchant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
        CREATE INDEX captures_merchant ON captures(merchant_id, state, created_at);
        CREATE INDEX captures_authorization ON captures(merchant_id, approval_code, amount);
        CREATE INDEX captures_close ON captures(close_id);
        CREATE INDEX captures_sealed ON captures(card_key_id) WHERE sealed_card_number IS NOT NULL;

        """
}

extension LedgerSchema {
    /// Closes: a merchant's open batch frozen (at a cutoff, or when asked), split into batches
    /// of at most a configured number of captures, each settled through the settlement ledger
    /// under an idempotency key of its own. A cutoff is closed once: the profile's next cutoff
    /// moves on by compare-and-set, and the unique index below stands behind it.
    static let version11 = """
        CREATE TABLE batch_closes (
            id TEXT PRIMARY KEY,
            merchant_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            cutoff_at INTEGER,
            state TEXT NOT NULL,
            capture_count INTEGER NOT NULL,
            net_amount INTEGER NOT NULL,
            transmission_date TEXT NOT NULL,
            profile BLOB NOT NULL,
            claimed_by TEXT,
            claimed_until INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX batch_closes_cutoff ON batch_closes(merchant_id, cutoff_at) WHERE cutoff_at IS NOT NULL;
        CREATE INDEX batch_closes_merchant ON batch_closes(merchant_id, created_at);
        CREATE INDEX batch_closes_settling ON batch_closes(state) WHERE state = 'settling';
        CREATE TABLE close_batches (
            close_id TEXT NOT NULL,
            batch_index INTEGER NOT NULL,
            state TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            batch_number INTEGER,
            settlement_id TEXT,
            capture_count INTEGER NOT NULL,
            net_amount INTEGER NOT NULL,
            rejected_capture_id TEXT,
            note TEXT,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (close_id, batch_index)
        );
        ALTER TABLE captures ADD COLUMN batch_index INTEGER;
        ALTER TABLE settlement_events ADD COLUMN close_id TEXT;
        ALTER TABLE settlement_events ADD COLUMN merchant_id TEXT;

        """
}
