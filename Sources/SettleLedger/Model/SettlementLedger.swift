import Foundation

/// The durable record of every settlement: written before anything is sent, so that a retry,
/// a racing replica or a crash can never send the same money twice unnoticed.
public protocol SettlementLedger: Sendable {
    /// Records `submission` as `received` unless its idempotency key or batch number says it
    /// must not be sent; the check and the write are one atomic step.
    func admit(_ submission: LedgerSubmission, at now: Date) throws(LedgerError) -> LedgerAdmission
    /// The link is about to open.
    func markTransmitting(_ id: String, at now: Date) throws(LedgerError)
    /// The settlement ended.
    func complete(_ id: String, with outcome: LedgerOutcome, at now: Date) throws(LedgerError)
    func entry(_ id: String) throws(LedgerError) -> LedgerEntry?
    /// At start-up: every `transmitting` entry becomes `in_doubt` (nothing is resent), every
    /// `received` one `failed` (nothing was sent); returns what changed, for the log.
    func recoverInterrupted(at now: Date) throws(LedgerError) -> [LedgerEntry]
    /// Throws unless the ledger can be read and written now (readiness checks).
    func check() throws(LedgerError)
    /// Entries matching `query`, newest first, a page at a time.
    func list(_ query: LedgerQuery) throws(LedgerError) -> LedgerPage
    /// Changes of settlements' states that callers are told about, oldest first (see ``LedgerEvent``).
    func events(_ query: LedgerEventQuery) throws(LedgerError) -> LedgerEventPage
    /// An operator's finding on an in-doubt entry after checking TSYS reports; `note` says why.
    func resolve(_ id: String, as resolution: LedgerResolution, note: String, at now: Date) throws(LedgerError) -> LedgerResolutionResult
}

/// The ledger's rules that are settings.
public struct LedgerPolicy: Sendable, Hashable {
    /// How long an idempotency key is remembered (at least 24 hours; by default five days, as long
    /// as the batch-number guard, so a retry within the guard is always recognised).
    public var keyRetention: Duration
    /// A batch number accepted this many days ago or fewer may not be sent again (the host's
    /// five-day duplicate window).
    public var guardDays: Int
    /// Sync the ending of every settlement to disk too. Off by default: the entry is always
    /// synced before the link opens, and an ending lost to a power cut reads as `in_doubt`
    /// (safe, but work for an operator); on, each settlement costs a second sync (about 20%
    /// of throughput measured here).
    public var syncsEveryChange: Bool

    public init(keyRetention: Duration = .seconds(5 * 24 * 3600), guardDays: Int = 5, syncsEveryChange: Bool = false) {
        self.keyRetention = keyRetention
        self.guardDays = guardDays
        self.syncsEveryChange = syncsEveryChange
    }
}
