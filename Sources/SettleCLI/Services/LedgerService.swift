import Foundation
import Logging
import ServiceLifecycle
import SettleLedger

/// The settlement ledger as a service. Recovery runs before the API accepts anything (see
/// ``recover(_:logger:)``); the service then holds the ledger until the API has drained, so no
/// settlement's ending is written to a closed ledger. A ledger replicas share is recovered again
/// every minute, since another replica may stop at any time. (Leases for replicas will renew here.)
struct LedgerService: Service {
    let ledger: DatabaseLedger
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
        if ledger.recoversPeriodically {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                try? await Task.sleep(for: .seconds(60))
                guard !Task.isShuttingDownGracefully && !Task.isCancelled else { break }
                do {
                    try Self.recover(ledger, logger: logger)
                } catch {
                    logger.warning("ledger recovery failed; it runs again in a minute: \(error)")
                }
            }
        }
        try? await gracefulShutdown()
        // The last write of the group happened before the API service returned.
        logger.debug("ledger released")
    }
}
