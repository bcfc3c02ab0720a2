import Foundation
import SettleLedger

/// Writes a settlement's ending to the ledger, and keeps writing it while the ledger cannot take
/// it (a database restarting, a lock held too long): a settlement the host answered must not stay
/// `transmitting`, which a retry of it would read as still in flight, and at the next recovery as
/// in doubt. The caller waits through the first second of tries, so a short outage never shows;
/// after that the tries go on in the background, backing off to one every 30 seconds, for as long
/// as the process runs. If it stops first, the entry is recovered as `in_doubt` (the owner's lease
/// lapses), which is safe: nothing is ever resent.
struct EndingRecorder: Sendable {
    let ledger: any SettlementLedger
    let metrics: APIMetrics
    /// Told once the ending (and so its event) is recorded: the webhook dispatcher's nudge.
    var recorded: (@Sendable () -> Void)? = nil

    /// How long the caller waits before the tries go on in the background.
    static let patience: Duration = .seconds(1)

    func record(_ id: String, _ ending: LedgerOutcome) async {
        let ended = Date()
        if await attempt(id, ending, at: ended) { return }
        let clock = ContinuousClock(), giveUpWaiting = clock.now.advanced(by: Self.patience)
        var delay: Duration = .milliseconds(50)
        while clock.now.advanced(by: delay) < giveUpWaiting {
            try? await Task.sleep(for: delay)
            metrics.ending("retried")
            if await attempt(id, ending, at: ended) { return metrics.ending("recorded") }
            delay *= 2
        }
        let recorder = self
        Task.detached { [delay] in
            var delay = delay
            while true {
                try? await Task.sleep(for: delay)
                metrics.ending("retried")
                if await recorder.attempt(id, ending, at: ended) { return recorder.metrics.ending("recorded") }
                delay = min(delay * 2, .seconds(30))
            }
        }
    }

    /// One try; the ending keeps the time the settlement ended, however late it is written.
    private func attempt(_ id: String, _ ending: LedgerOutcome, at ended: Date) async -> Bool {
        let ledger = ledger
        guard (try? await LedgerCalls.run { () throws(LedgerError) in try ledger.complete(id, with: ending, at: ended) }) != nil else { return false }
        recorded?()
        return true
    }
}
