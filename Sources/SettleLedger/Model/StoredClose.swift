import Foundation
import SettleModel

/// A merchant's open batch, frozen by a close and settled as one or more batches.
public struct StoredClose: Sendable, Hashable {
    /// `cls_` and 32 hex digits.
    public var id: String
    public var merchantID: String
    public var reason: CloseReason
    /// The cutoff it closed (scheduled closes).
    public var cutoffAt: Date?
    public var state: CloseState
    public var captureCount: Int
    /// Sales less credits, in minor units.
    public var netAmount: Int64
    /// The batches' transmission date: the merchant's local date of the cutoff (of the close,
    /// when asked for).
    public var transmissionDate: LocalDate
    /// The merchant profile document as it was at the freeze: what every try of the close's
    /// batches is built from, whatever is put in its place meanwhile.
    public var profileDocument: [UInt8]
    public var batches: [CloseBatch]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, merchantID: String, reason: CloseReason, cutoffAt: Date?, state: CloseState, captureCount: Int, netAmount: Int64,
        transmissionDate: LocalDate, profileDocument: [UInt8] = [], batches: [CloseBatch] = [], createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.merchantID = merchantID
        self.reason = reason
        self.cutoffAt = cutoffAt
        self.state = state
        self.captureCount = captureCount
        self.netAmount = netAmount
        self.transmissionDate = transmissionDate
        self.profileDocument = profileDocument
        self.batches = batches
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public static func newID() -> String { "cls_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "") }
}

/// Why a batch closed.
public enum CloseReason: String, Sendable, Hashable, CaseIterable {
    /// The merchant's cutoff schedule.
    case cutoff
    /// `POST /v1/merchants/{merchantId}/close`.
    case manual
}

/// Where a close stands.
public enum CloseState: String, Sendable, Hashable, CaseIterable {
    /// Its batches are being settled.
    case settling
    /// Every batch was accepted.
    case settled
    /// A batch waits for an operator (rejected, duplicate, in doubt, or failed again and again).
    case held
    /// A cutoff with nothing open: no batch was sent.
    case skipped
}

/// One batch of a close: at most the configured number of its captures.
public struct CloseBatch: Sendable, Hashable {
    public var index: Int
    public var state: CloseBatchState
    /// Each try is sent under an idempotency key of its own (``settlementKey(closeID:)``).
    public var attempt: Int
    /// The number the ledger gave it (kept for a resend after a rejected capture is dropped).
    public var batchNumber: Int?
    /// The settlement of its latest try.
    public var settlementID: String?
    public var captureCount: Int
    public var netAmount: Int64
    /// The capture the host's rejection named.
    public var rejectedCaptureID: String?
    /// Why it is held, for the operator.
    public var note: String?

    public init(
        index: Int, state: CloseBatchState, attempt: Int, batchNumber: Int?, settlementID: String?, captureCount: Int, netAmount: Int64,
        rejectedCaptureID: String?, note: String?
    ) {
        self.index = index
        self.state = state
        self.attempt = attempt
        self.batchNumber = batchNumber
        self.settlementID = settlementID
        self.captureCount = captureCount
        self.netAmount = netAmount
        self.rejectedCaptureID = rejectedCaptureID
        self.note = note
    }

    /// The idempotency key its current try is settled under: a try driven again (after a crash,
    /// or by another replica) finds the settlement of the first and never sends a second.
    public func settlementKey(closeID: String) -> String { "\(Self.keyPrefix)\(closeID):\(index):\(attempt)" }

    /// What every close's key begins with; callers' keys may not.
    public static let keyPrefix = "close:"
}

/// Where one batch of a close stands.
public enum CloseBatchState: String, Sendable, Hashable, CaseIterable {
    /// Not yet settled (or to be tried again).
    case pending
    case accepted
    case held
}

/// What closing an open batch did.
public enum CloseAttempt: Sendable, Hashable {
    case closed(StoredClose)
    /// A cutoff with no captures open: recorded, with its event; nothing to settle.
    case skipped(StoredClose)
    /// Asked to close with no captures open.
    case empty
    /// Another replica (or an earlier pass) took this cutoff already.
    case alreadyTaken
    case merchantNotFound
}

/// How a try of a close's batch ended, for the ledger to record.
public enum CloseBatchEnding: Sendable, Hashable {
    /// `GB`: its captures are settled and their card numbers erased.
    case accepted(settlementID: String)
    /// Held for an operator, naming the rejected capture when the host named one.
    case held(settlementID: String?, rejectedCaptureID: String?, note: String)
    /// The rejected capture is dropped (its number erased); the rest is tried again under the
    /// same batch number.
    case dropAndRetry(settlementID: String, rejectedCaptureID: String, batchNumber: Int)
    /// Its batch number is another settlement's (nothing was sent): held, and its next try takes
    /// a new number.
    case numberTaken(by: String, note: String)
    /// Nothing was captured: tried again under a new key.
    case retry(settlementID: String?, note: String)
}

/// Closes kept in the ledger.
public protocol CloseLedger: Sendable {
    /// Freezes the merchant's open captures into a close, split into batches of `batchSize`.
    /// For a cutoff, only if the profile's next cutoff is still `cutoff` (it moves on to
    /// `nextCutoff`), so each cutoff is closed once whichever replica gets there first.
    func closeOpenBatch(
        merchant: String, reason: CloseReason, cutoff: Date?, nextCutoff: Date?, transmissionDate: LocalDate, batchSize: Int, at now: Date
    ) throws(LedgerError) -> CloseAttempt
    /// Profiles whose next cutoff is at or before `now`.
    func dueMerchantProfiles(at now: Date, limit: Int) throws(LedgerError) -> [StoredMerchantProfile]
    /// Closes still settling that no other replica's claim holds, claimed for `replica` until `until`.
    func claimCloses(replica: String, at now: Date, until: Date, limit: Int) throws(LedgerError) -> [StoredClose]
    /// Claims one close for `replica` (the one that froze it drives it at once).
    func claimClose(_ id: String, replica: String, at now: Date, until: Date) throws(LedgerError) -> StoredClose?
    func storedClose(_ id: String) throws(LedgerError) -> StoredClose?
    /// The merchant's closes, newest first.
    func closes(merchant: String, limit: Int) throws(LedgerError) -> [StoredClose]
    /// The captures of batch `index` of a close, in the order they are sent.
    func closeBatchCaptures(_ closeID: String, index: Int) throws(LedgerError) -> [StoredCapture]
    /// Notes the settlement (and its number) of the batch's current try.
    func recordCloseBatchSettlement(_ closeID: String, index: Int, attempt: Int, settlementID: String, batchNumber: Int) throws(LedgerError)
    /// Records how the batch's current try `attempt` ended; the close's state follows.
    func endCloseBatch(_ closeID: String, index: Int, attempt: Int, _ ending: CloseBatchEnding, at now: Date) throws(LedgerError) -> StoredClose?
    /// Erases the card numbers of held captures (their batches not accepted, waiting for an
    /// operator) made before `before`; returns how many. Open and closing captures keep theirs:
    /// their batches are still to be sent.
    func eraseCardNumbers(capturedBefore before: Date, at now: Date) throws(LedgerError) -> Int
    /// Makes every held batch of a held close pending again, under its next try (an operator's
    /// retry, after checking TSYS reports or resolving a settlement); nil when the close is not held.
    func retryHeldClose(_ id: String, at now: Date) throws(LedgerError) -> StoredClose?
    /// Captures open in every merchant's batch, and the soonest cutoff to come (for metrics).
    func openBatchesSummary() throws(LedgerError) -> (captures: Int, nextCutoff: Date?)
}
