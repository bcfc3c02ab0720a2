import Foundation
import SettleAPI
import SettleLedger
import SettleModel

/// Merchants' open batches under the fault simulator: captures, voids, cutoffs raced by every
/// process (each with failures inside the ledger), claims on closes, and endings of their
/// batches' tries given twice. After each step the ledger must read as one story: every capture in
/// at most one close and never in a close frozen before it was made, each cutoff closed once, the
/// merchant's next cutoff only moving on, each try ended once, a close's state its batches', and
/// no card number kept for a capture settled or voided.
struct ChaosCloses {
    let merchant: String
    /// The cutoffs closed, with the close that closed each (or skipped it).
    private var closedCutoffs: [Date: String] = [:]
    /// The latest next cutoff seen: it never moves back.
    private var lastNextCutoff: Date?
    /// Claims seen and not run out: close → (claimant, until).
    private var claims: [String: (claimant: String, until: Date)] = [:]
    private var captureNumber = 0

    static let cards = ["4111111111111111", "5555555555554444", "4012888888881881"]
    /// How long a claim holds in this simulation.
    static let claimFor: TimeInterval = 120

    struct Broken: Error { let invariant: String }

    init(merchant: String) { self.merchant = "m-" + merchant }

    /// The merchant's profile, its first cutoff an hour on.
    func register(_ ledger: DatabaseLedger, at now: Date) throws {
        _ = try ledger.putMerchantProfile(
            StoredMerchantProfile(
                id: merchant, document: Array(#"{"cutoff":{}}"#.utf8), industry: "retail", merchantNumber: "888000009999", terminalNumber: "7777",
                timeZone: "UTC", nextCutoff: now.addingTimeInterval(3600)), ifVersion: nil, at: now)
    }

    /// A capture (sometimes a retry under an earlier key, sometimes a second capture of an
    /// authorization), or a void of one open.
    mutating func capture(_ ledger: DatabaseLedger, at now: Date, random: inout ChaosRandom) throws -> String {
        if random.chance(20) {
            let state: CaptureState = random.chance(30) ? .held : .open
            if let chosen = try ledger.captures(merchant: merchant, state: state, after: nil, limit: 50).randomElement(using: &random) {
                let result = try ledger.voidCapture(chosen.id, merchant: merchant, at: now)
                return "void \(chosen.id.suffix(6)) (\(state.rawValue)): \(Self.label(result))"
            }
        }
        captureNumber += 1
        let number = random.chance(25) ? random.int(1...captureNumber) : captureNumber
        let card = random.pick(Self.cards)
        let capture = StoredCapture(
            id: StoredCapture.newID(), merchantID: merchant, idempotencyKey: random.chance(70) ? "cap-\(number)" : nil, fingerprint: "f\(number)",
            record: Array(#"{"approvalCode":"A\#(number)"}"#.utf8), sealedCardNumber: "v1.chaos.\(UUID().uuidString.prefix(12))", cardKeyID: "chaos",
            cardHash: "h-\(card.suffix(4))", cardHashKeyID: "chaos", maskedCardNumber: CardNumber.mask(card), amount: Int64(100 * number),
            kind: random.chance(10) ? "credit" : "sale", approvalCode: "A\(number)")
        let admission = try ledger.admitCapture(capture, cardHashes: [capture.cardHash], at: now)
        return "capture \(number): \(Self.label(admission))"
    }

    /// The cutoff due now, closed by `p` with what it read of the profile (possibly stale: another
    /// process may have closed it since).
    mutating func cutoff(_ ledger: DatabaseLedger, claimant: String, at now: Date, batchSize: Int) throws -> String {
        guard let profile = try ledger.merchantProfile(merchant), let cutoff = profile.nextCutoff else { return "no cutoff" }
        let next = max(cutoff, now).addingTimeInterval(3600)
        let attempt = try ledger.closeOpenBatch(
            merchant: merchant, reason: .cutoff, cutoff: cutoff, nextCutoff: next, transmissionDate: LocalDate(cutoff, in: .gmt),
            batchSize: batchSize, at: now)
        switch attempt {
        case .closed(let close), .skipped(let close):
            if let earlier = closedCutoffs[cutoff] {
                throw Broken(invariant: "cutoff \(cutoff) was closed twice: \(earlier.suffix(6)) and \(close.id.suffix(6))")
            }
            closedCutoffs[cutoff] = close.id
            return "\(claimant) closes the cutoff: \(close.captureCount) captures in \(close.batches.count) batches"
        case .alreadyTaken: return "\(claimant) finds the cutoff taken"
        case .empty, .merchantNotFound: throw Broken(invariant: "a cutoff's close answered \(attempt)")
        }
    }

    /// `p` claims closes to settle; none is claimed while another's claim holds.
    mutating func claim(_ ledger: DatabaseLedger, claimant: String, at now: Date) throws -> String {
        let claimed = try ledger.claimCloses(replica: claimant, at: now, until: now.addingTimeInterval(Self.claimFor), limit: 3)
        for close in claimed {
            if let held = claims[close.id], held.claimant != claimant, held.until >= now {
                throw Broken(invariant: "close \(close.id.suffix(6)) was claimed by \(claimant) while \(held.claimant)'s claim held")
            }
            claims[close.id] = (claimant, now.addingTimeInterval(Self.claimFor))
        }
        return "\(claimant) claims \(claimed.count) closes"
    }

    /// An ending of a pending try of some close's batch, sometimes given twice (a retry after a
    /// lost answer, or a second replica): the second changes nothing.
    mutating func end(_ ledger: DatabaseLedger, at now: Date, random: inout ChaosRandom) throws -> String {
        // Now and then an operator tries a held close again.
        if random.chance(20), let held = try ledger.closes(merchant: merchant, limit: 50).filter({ $0.state == .held }).randomElement(using: &random)
        {
            let retried = try ledger.retryHeldClose(held.id, at: now)
            return "close \(held.id.suffix(6)) retried: \(retried?.state.rawValue ?? "not held")"
        }
        let settling = try ledger.closes(merchant: merchant, limit: 50).filter { $0.state == .settling }
        guard let close = settling.randomElement(using: &random), let batch = close.batches.first(where: { $0.state == .pending }) else {
            return "no batch to end"
        }
        let captures = try ledger.closeBatchCaptures(close.id, index: batch.index)
        let settlement = "stl_chaos\(UUID().uuidString.prefix(8))"
        let ending: CloseBatchEnding =
            switch random.int(0...9) {
            case 0...4: .accepted(settlementID: settlement)
            case 5: .held(settlementID: settlement, rejectedCaptureID: captures.first?.id, note: "RB")
            case 6...7 where !captures.isEmpty:
                .dropAndRetry(settlementID: settlement, rejectedCaptureID: random.pick(captures).id, batchNumber: random.int(1...999))
            case 8: .numberTaken(by: settlement, note: "number taken")
            default: .retry(settlementID: settlement, note: "failed")
            }
        guard let ended = try ledger.endCloseBatch(close.id, index: batch.index, attempt: batch.attempt, ending, at: now) else {
            throw Broken(invariant: "close \(close.id.suffix(6)) vanished")
        }
        if random.chance(30) {
            let again = try ledger.endCloseBatch(close.id, index: batch.index, attempt: batch.attempt, .accepted(settlementID: "stl_late"), at: now)
            guard again?.batches == ended.batches, again?.state == ended.state else {
                throw Broken(invariant: "try \(batch.attempt) of close \(close.id.suffix(6)) batch \(batch.index) was ended twice")
            }
        }
        if ended.state != .settling { claims[close.id] = nil }
        return "close \(close.id.suffix(6)) batch \(batch.index) try \(batch.attempt): \(SettlementAPI.label(ending)) → \(ended.state.rawValue)"
    }

    /// The ledger reads as one story (see the type's description).
    mutating func check(_ ledger: DatabaseLedger) throws {
        let profile = try ledger.merchantProfile(merchant)
        if let next = profile?.nextCutoff {
            if let last = lastNextCutoff, next < last { throw Broken(invariant: "the next cutoff moved back from \(last) to \(next)") }
            lastNextCutoff = next
        }
        let kept = try ledger.openBatch(merchant: merchant), counted = try ledger.countedOpenBatch(merchant: merchant)
        if kept != counted { throw Broken(invariant: "the open batch is kept as \(kept) but its captures count \(counted)") }
        let closes = try ledger.closes(merchant: merchant, limit: 500)
        var seen: [String: String] = [:]
        for close in closes {
            if let cutoff = close.cutoffAt, let recorded = closedCutoffs[cutoff], recorded != close.id {
                throw Broken(invariant: "cutoff \(cutoff) has closes \(recorded.suffix(6)) and \(close.id.suffix(6))")
            }
            for batch in close.batches where batch.state == .pending {
                let captures = try ledger.closeBatchCaptures(close.id, index: batch.index)
                if captures.count != batch.captureCount {
                    throw Broken(
                        invariant: "close \(close.id.suffix(6)) batch \(batch.index) counts \(batch.captureCount) but holds \(captures.count)")
                }
            }
            let all = try ledger.captures(merchant: merchant, state: nil, after: nil, limit: 500).filter { $0.closeID == close.id }
            for capture in all {
                if let other = seen[capture.id] { throw Broken(invariant: "capture \(capture.id.suffix(6)) is in closes \(other) and \(close.id)") }
                seen[capture.id] = close.id
                if capture.createdAt > close.createdAt {
                    throw Broken(invariant: "capture \(capture.id.suffix(6)) made after close \(close.id.suffix(6)) froze is in it")
                }
                if capture.state == .open || capture.state == .voided {
                    throw Broken(invariant: "capture \(capture.id.suffix(6)) in close \(close.id.suffix(6)) is \(capture.state.rawValue)")
                }
            }
            if all.count != close.captureCount {
                throw Broken(invariant: "close \(close.id.suffix(6)) froze \(close.captureCount) captures but holds \(all.count)")
            }
            let states = close.batches.map(\.state)
            let expected: CloseState =
                close.captureCount == 0
                ? .skipped : states.allSatisfy { $0 == .accepted } ? .settled : states.contains(.pending) ? .settling : .held
            if close.state != expected {
                throw Broken(invariant: "close \(close.id.suffix(6)) is \(close.state.rawValue) with batches \(states.map(\.rawValue))")
            }
        }
        for capture in try ledger.captures(merchant: merchant, state: nil, after: nil, limit: 500) {
            if (capture.state == .settled || capture.state == .voided || capture.state == .dropped) && capture.sealedCardNumber != nil {
                throw Broken(invariant: "capture \(capture.id.suffix(6)) is \(capture.state.rawValue) but its card number is kept")
            }
            if capture.closeID == nil && capture.state != .open && capture.state != .voided {
                throw Broken(invariant: "capture \(capture.id.suffix(6)) is \(capture.state.rawValue) outside any close")
            }
        }
    }

    static func label(_ admission: CaptureAdmission) -> String {
        switch admission {
        case .admitted(let capture, let totals, _): "admitted \(capture.id.suffix(6)) (\(totals.captures) open)"
        case .replay(let capture, _, _): "replayed \(capture.id.suffix(6))"
        case .keyReused: "refused: key reused"
        case .duplicate(let capture): "refused: duplicate of \(capture.id.suffix(6))"
        case .merchantNotFound: "refused: no merchant"
        }
    }

    static func label(_ void: CaptureVoid) -> String {
        switch void {
        case .voided: "voided"
        case .dropped: "dropped from its held batch"
        case .notFound: "not found"
        case .notOpen(let capture): "refused: \(capture.state.rawValue)"
        case .mayBeCaptured: "refused: its batch may have been captured"
        }
    }
}
