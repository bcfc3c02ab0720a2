import Foundation
import Logging
import SettleDTO
import SettleLedger
import SettleModel
import SettleService

/// A merchant's cutoffs kept: each pass closes the open batch of every merchant whose cutoff has
/// come (each cutoff once, across replicas: the ledger moves the cutoff on by compare-and-set),
/// settles the closes no replica is settling, and erases card numbers kept past their days.
/// Every replica runs one; the time is the caller's, so a test can run a whole day in a second.
public struct CloseScheduler: Sendable {
    public let api: SettlementAPI

    public init(api: SettlementAPI) { self.api = api }

    /// What a pass did.
    public struct Pass: Sendable {
        public var closed: [StoredClose] = []
        /// Cutoffs with nothing open.
        public var skipped: [StoredClose] = []
        /// Closes this pass settled as far as it could (settled, held, or still settling).
        public var settled: [StoredClose] = []
        public var erased = 0
    }

    public func pass(at now: Date) async -> Pass {
        var pass = Pass()
        guard let store = api.closeLedger else { return pass }
        let settings = api.closeSettings, replica = api.replica
        let due: [StoredMerchantProfile]
        do {
            due = try await LedgerCalls.run { () throws(LedgerError) in try store.dueMerchantProfiles(at: now, limit: 100) }
        } catch {
            api.settler.logger.warning("the close scheduler cannot read the merchants' cutoffs now: \(error)")
            return pass
        }
        // Each merchant on its own: one that cannot be closed now does not hold the others up.
        for profile in due {
            guard let cutoff = profile.nextCutoff else { continue }
            let schedule = self.schedule(of: profile)
            // Cutoffs missed while no replica ran make one close, now; the next is the first after now.
            let next = schedule?.next(after: max(cutoff, now))
            let date = LocalDate(cutoff, in: schedule?.timeZone ?? TimeZone(identifier: profile.timeZone) ?? .gmt)
            do {
                let attempt = try await LedgerCalls.run { () throws(LedgerError) in
                    try store.closeOpenBatch(
                        merchant: profile.id, reason: .cutoff, cutoff: cutoff, nextCutoff: next, transmissionDate: date,
                        batchSize: settings.batchSize, at: now)
                }
                switch attempt {
                case .closed(let close):
                    pass.closed.append(close)
                    api.metrics.close(reason: "cutoff", result: "closed")
                case .skipped(let close):
                    pass.skipped.append(close)
                    api.metrics.close(reason: "cutoff", result: "skipped")
                case .alreadyTaken, .empty, .merchantNotFound: break
                }
            } catch {
                api.settler.logger.warning("merchant \(profile.id)'s cutoff cannot be closed now: \(error)")
            }
        }
        if !pass.closed.isEmpty || !pass.skipped.isEmpty { api.eventRecorded?() }
        do {
            let until = now.addingTimeInterval(settings.claimSeconds)
            let claimed = try await LedgerCalls.run { () throws(LedgerError) in
                try store.claimCloses(replica: replica, at: now, until: until, limit: 20)
            }
            for close in claimed {
                if let settled = await api.settleClose(close) { pass.settled.append(settled) }
            }
        } catch {
            api.settler.logger.warning("the close scheduler cannot claim closes now: \(error)")
        }
        do {
            let before = now.addingTimeInterval(-Double(settings.retentionDays) * 86_400)
            pass.erased = try await LedgerCalls.run { () throws(LedgerError) in try store.eraseCardNumbers(capturedBefore: before, at: now) }
        } catch {
            api.settler.logger.warning("the close scheduler cannot erase expired card numbers now: \(error)")
        }
        return pass
    }

    /// The profile's cutoff schedule (nil for a stored document this build cannot read: its
    /// cutoff is then closed and no next one is set, rather than closed again and again).
    func schedule(of profile: StoredMerchantProfile) -> CutoffSchedule? {
        switch MerchantProfileDocument.read(json: profile.document, id: profile.id, defaults: api.defaults, today: api.clock.today()) {
        case .success(let read): return read.profile.cutoff
        case .failure(let failure):
            api.settler.logger.error("merchant profile \(profile.id) cannot be read: \(failure); its cutoffs stop")
            return nil
        }
    }
}
