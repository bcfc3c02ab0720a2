import Foundation

/// A capture as the ledger keeps it: one detail record of a merchant's open batch, its card
/// number sealed and hashed (never in the clear).
public struct StoredCapture: Sendable, Hashable {
    /// `cap_` and 32 hex digits.
    public var id: String
    public var merchantID: String
    /// Scoped to the client (see the settlement ledger's keys), as given with the capture.
    public var idempotencyKey: String?
    /// The request's keyed fingerprint: tells a retry from another capture under the same key.
    public var fingerprint: String
    public var state: CaptureState
    /// The close that froze it.
    public var closeID: String?
    /// The detail record as canonical JSON, without its card number.
    public var record: [UInt8]
    /// `v1.<key id>.<base64>`; nil once erased.
    public var sealedCardNumber: String?
    /// The key that sealed it; nil once erased.
    public var cardKeyID: String?
    /// HMAC of the number (64 hex digits) and the key its hash key came from: kept after erasure.
    public var cardHash: String
    public var cardHashKeyID: String
    public var maskedCardNumber: String
    /// The settlement amount in minor units.
    public var amount: Int64
    /// `sale` or `credit`: which way the amount counts in the batch's net.
    public var kind: String
    /// The authorization's approval code (a capture of the same authorization twice is a duplicate).
    public var approvalCode: String
    public var createdAt: Date
    public var updatedAt: Date
    public var erasedAt: Date?

    public init(
        id: String, merchantID: String, idempotencyKey: String?, fingerprint: String, state: CaptureState = .open, closeID: String? = nil,
        record: [UInt8], sealedCardNumber: String?, cardKeyID: String?, cardHash: String, cardHashKeyID: String, maskedCardNumber: String,
        amount: Int64, kind: String, approvalCode: String, createdAt: Date = Date(timeIntervalSince1970: 0),
        updatedAt: Date = Date(timeIntervalSince1970: 0), erasedAt: Date? = nil
    ) {
        self.id = id
        self.merchantID = merchantID
        self.idempotencyKey = idempotencyKey
        self.fingerprint = fingerprint
        self.state = state
        self.closeID = closeID
        self.record = record
        self.sealedCardNumber = sealedCardNumber
        self.cardKeyID = cardKeyID
        self.cardHash = cardHash
        self.cardHashKeyID = cardHashKeyID
        self.maskedCardNumber = maskedCardNumber
        self.amount = amount
        self.kind = kind
        self.approvalCode = approvalCode
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.erasedAt = erasedAt
    }

    /// The amount as it counts in the batch's net: credits less.
    public var signedAmount: Int64 { kind == "credit" ? -amount : amount }

    /// A new capture id.
    public static func newID() -> String { "cap_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "") }
}

/// Where a capture stands.
public enum CaptureState: String, Sendable, Hashable, CaseIterable {
    /// In the merchant's open batch.
    case open
    /// Removed from the open batch before its close.
    case voided
    /// Frozen by a close, being settled.
    case closing
    /// Its batch was accepted (`GB`).
    case settled
    /// Its batch was not accepted and waits for an operator.
    case held
    /// Taken out of a rejected batch, which was sent again without it.
    case dropped
}

/// The merchant's open batch: what a close would settle now.
public struct OpenBatchTotals: Sendable, Hashable {
    public var captures: Int
    /// Sales less credits, in minor units.
    public var netAmount: Int64

    public init(captures: Int, netAmount: Int64) {
        self.captures = captures
        self.netAmount = netAmount
    }
}

/// What recording a capture did.
public enum CaptureAdmission: Sendable, Hashable {
    case admitted(StoredCapture, OpenBatchTotals, nextCutoff: Date?)
    /// The same request under the same key again: the capture it made.
    case replay(StoredCapture, OpenBatchTotals, nextCutoff: Date?)
    /// The key was used for a different capture.
    case keyReused(StoredCapture)
    /// The same card, amount and approval code were captured already (and not voided or dropped).
    case duplicate(StoredCapture)
    /// No such merchant profile (deleted meanwhile).
    case merchantNotFound
}

/// What a void did.
public enum CaptureVoid: Sendable, Hashable {
    case voided(StoredCapture)
    /// It was held (its batch not accepted): dropped from its batch, for a retry without it.
    case dropped(StoredCapture)
    case notFound
    /// Being settled, or settled already: too late to void.
    case notOpen(StoredCapture)
    /// Held, but its batch's settlement may have been captured (in doubt and not resolved not
    /// captured, or a duplicate): resolve it first.
    case mayBeCaptured(StoredCapture, settlementID: String)
}

/// The captures of merchants' open batches.
public protocol CaptureLedger: Sendable {
    /// Records `capture` in its merchant's open batch unless its key or its card, amount and
    /// approval code say it is there already. The card is found by any of `cardHashes` (its hash
    /// under each key of the keyring, so a rotation does not hide an earlier capture).
    func admitCapture(_ capture: StoredCapture, cardHashes: [String], at now: Date) throws(LedgerError) -> CaptureAdmission
    func capture(_ id: String, merchant: String) throws(LedgerError) -> StoredCapture?
    /// The merchant's captures, oldest first, after capture `after`, in `state` when given.
    func captures(merchant: String, state: CaptureState?, after: String?, limit: Int) throws(LedgerError) -> [StoredCapture]
    /// Takes an open capture out of its batch (a void), or a held one out of its held batch (a
    /// drop, before the close is tried again), its card number erased.
    func voidCapture(_ id: String, merchant: String, at now: Date) throws(LedgerError) -> CaptureVoid
    func openBatch(merchant: String) throws(LedgerError) -> OpenBatchTotals
    /// The ids of the keys that sealed the card numbers still stored.
    func cardDataKeyIDs() throws(LedgerError) -> Set<String>
    /// Up to `limit` stored card numbers sealed under another key than `keyID`, in id order after
    /// capture `after`: (capture id, sealed text).
    func sealedCardNumbers(notUnder keyID: String, after: String?, limit: Int) throws(LedgerError) -> [(id: String, sealed: String)]
    /// Replaces capture `id`'s sealed number and hash, if it is still `old` (not erased or
    /// resealed meanwhile); whether it was replaced.
    func resealCardNumber(
        _ id: String, from old: String, to new: String, keyID: String, hash: String, hashKeyID: String
    ) throws(LedgerError) -> Bool
}
