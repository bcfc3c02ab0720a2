import Foundation
import Logging
import ServiceLifecycle
import SettleLedger

/// The settlement ledger as a service. Recovery runs before the API accepts anything (see
/// ``recover(_:logger:)``); the service then holds the ledger until the API has drained, so no
/// settlement's ending is written to a closed ledger. (Leases for replicas will renew here.)
struct LedgerService: Service {
    let ledger: any SettlementLedger
    let logger: Logger

    /// Whatever was on the wire when the service last stopped is in doubt; nothing is resent.
    static func recover(_ ledger: any SettlementLedger, logger: Logger) throws {
        for entry in try ledger.recoverInterrupted(at: Date()) {
            let s = entry.submission
            logger.warning(
                "settlement \(entry.id) was interrupted by the last stop; it is now \(entry.state.rawValue)\(entry.state == .inDoubt ? ": check TSYS reports, then resolve it" : "")",
                metadata: [
                    "settlement": "\(entry.id)", "merchant": "\(s.merchantNumber)", "terminal": "\(s.terminalNumber)", "batch": "\(s.batchNumber)",
                ])
        }
    }

    func run() async throws {
        try? await gracefulShutdown()
        // The last write of the group happened before the API service returned.
        logger.debug("ledger released")
    }
}
