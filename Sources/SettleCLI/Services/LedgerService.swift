import Foundation
import Logging
import ServiceLifecycle
import SettleLedger

/// The settlement ledger as a service. Recovery runs before the API accepts anything (see
/// ``start(_:leaseDuration:logger:)``); the service then holds the ledger until the API has
/// drained, so no settlement's ending is written to a closed ledger. Every third of the lease it
/// recovers what was left: admissions left unsent and, on a ledger replicas share, what other
/// replicas left when their lease lapsed (it renews this replica's lease first, and gives the
/// lease up when the service stops).
struct LedgerService: Service {
    let ledger: DatabaseLedger
    let leaseDuration: Duration
    let logger: Logger

    /// Takes this replica's lease (on a shared ledger) and recovers what the last stop, or a
    /// replica whose lease lapsed, left in flight: sent entries become `in_doubt`, unsent ones
    /// `failed`; nothing is resent.
    static func start(_ ledger: DatabaseLedger, leaseDuration: Duration, logger: Logger) throws {
        if ledger.isShared {
            let lease = try ledger.acquireLease(instance: ReplicaLease.newInstanceID(), duration: leaseDuration, at: Date())
            logger.info(
                "replica \(lease.instance) holds its lease on the ledger (renewed every \(Self.interval(leaseDuration)))",
                metadata: ["replica": "\(lease.instance)", "term": "\(lease.term)"])
        }
        try recover(ledger, logger: logger)
    }

    static func recover(_ ledger: any SettlementLedger, logger: Logger) throws(LedgerError) {
        for entry in try ledger.recoverInterrupted(at: Date()) {
            let s = entry.submission
            let whose =
                entry.state == .failed
                ? "it was admitted but never sent" : entry.owner.map { "replica \($0)'s lease lapsed" } ?? "the service stopped"
            logger.warning(
                "settlement \(entry.id) was interrupted (\(whose)); it is now \(entry.state.rawValue)\(entry.state == .inDoubt ? ": check TSYS reports, then resolve it" : "")",
                metadata: [
                    "settlement": "\(entry.id)", "merchant": "\(s.merchantNumber)", "terminal": "\(s.terminalNumber)", "batch": "\(s.batchNumber)",
                ])
        }
    }

    /// How often the lease is renewed and recovery runs: a third of the lease, so two renewals
    /// may fail before it lapses.
    static func interval(_ leaseDuration: Duration) -> Duration { leaseDuration / 3 }

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await Task.sleep(for: Self.interval(leaseDuration))
            guard !Task.isShuttingDownGracefully && !Task.isCancelled else { break }
            await tend()
        }
        try? await gracefulShutdown()
        // The last write of the group happened before the API service returned.
        if ledger.isShared {
            do {
                try await LedgerCalls.run { () throws(LedgerError) in try ledger.releaseLease(at: Date()) }
                logger.debug("lease released")
            } catch {
                logger.warning("the lease could not be released; it lapses by itself within \(leaseDuration): \(error)")
            }
        }
        logger.debug("ledger released")
    }

    /// Renews the lease (on a shared ledger), then recovers what lapsed replicas left and
    /// admissions left unsent (see ``DatabaseLedger/staleAdmissionLimit``).
    private func tend() async {
        let (ledger, logger) = (ledger, logger)
        if ledger.isShared { await renew() }
        do {
            try await LedgerCalls.run { () throws(LedgerError) in try Self.recover(ledger, logger: logger) }
        } catch {
            logger.warning("ledger recovery failed; it runs again in \(Self.interval(leaseDuration)): \(error)")
        }
    }

    private func renew() async {
        let (ledger, logger) = (ledger, logger)
        do {
            let renewal = try await LedgerCalls.run { () throws(LedgerError) in try ledger.renewLease(at: Date()) }
            if case .lapsed(let previous, let lease) = renewal {
                logger.error(
                    "this replica's lease lapsed (term \(previous)): settlements it admitted and had not begun sending will not be sent, and fail; it now holds term \(lease.term)",
                    metadata: ["replica": "\(lease.instance)", "term": "\(lease.term)"])
            }
        } catch {
            logger.warning("the lease could not be renewed; settlements stop being sent if it lapses: \(error)")
        }
    }
}
