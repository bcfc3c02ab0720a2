import SettleLedger

/// A serving process (a replica, on PostgreSQL): its connection to the ledger, with the lease it
/// holds, the settlements it has in hand, and the endings the ledger did not take yet (which the
/// API keeps writing while the process lives). A stop loses all but the ledger.
struct ChaosProcess {
    var name: String
    var ledger: DatabaseLedger
    var flights: [ChaosFlight] = []
    var pendingEndings: [(id: String, ending: LedgerOutcome)] = []
    /// Starts so far: a restarted process claims webhook deliveries under a name of its own.
    var incarnation = 1

    init(name: String, ledger: DatabaseLedger) {
        self.name = name
        self.ledger = ledger
    }
}
