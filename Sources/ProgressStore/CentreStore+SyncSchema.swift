import GRDB

extension CentreStore {
    /// Migration `v2-sync`: the centre's signing identity, the hubs it reports to, and the
    /// bundles it has written. Acknowledgements live in `hub_acknowledgements` (v1).
    static func v2Sync(_ db: Database) throws {
        try db.execute(
            sql: """
                -- The centre's Ed25519 key pair, made once by `hocso center init`. One row.
                CREATE TABLE sync_identity (
                    node_id TEXT PRIMARY KEY NOT NULL CHECK (length(node_id) = 18 AND node_id GLOB 'n-*'),
                    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
                    public_key TEXT NOT NULL CHECK (length(public_key) = 44),
                    private_key TEXT NOT NULL CHECK (length(private_key) = 44),
                    created_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TRIGGER sync_identity_is_made_once BEFORE INSERT ON sync_identity
                WHEN (SELECT count(*) FROM sync_identity) > 0
                BEGIN SELECT RAISE(ABORT, 'the centre identity is made once'); END;

                -- Hubs whose receipts this centre trusts (from their registration files).
                CREATE TABLE sync_hubs (
                    hub_id TEXT PRIMARY KEY NOT NULL CHECK (length(hub_id) = 18 AND hub_id GLOB 'n-*'),
                    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
                    public_key TEXT NOT NULL CHECK (length(public_key) = 44),
                    added_at INTEGER NOT NULL,
                    last_heard_at INTEGER,
                    last_receipt_at INTEGER
                ) WITHOUT ROWID;

                -- Bundles written by `hocso sync export`.
                CREATE TABLE sync_exports (
                    id INTEGER PRIMARY KEY,
                    file_name TEXT NOT NULL CHECK (length(file_name) > 0),
                    first_seq INTEGER NOT NULL CHECK (first_seq >= 1),
                    last_seq INTEGER NOT NULL,
                    event_count INTEGER NOT NULL CHECK (event_count = last_seq - first_seq + 1),
                    exported_at INTEGER NOT NULL,
                    CHECK (last_seq >= first_seq)
                );
                """)
    }
}
