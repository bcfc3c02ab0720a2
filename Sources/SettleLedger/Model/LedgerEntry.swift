import Foundation

/// One recorded submission, as read back.
public struct LedgerEntry: Sendable, Hashable {
    public var id: String
    public var submission: LedgerSubmission
    public var state: SettlementState
    /// Set once the settlement ended (nil while received or transmitting).
    public var outcome: LedgerOutcome?
    /// An operator's decision on an in-doubt batch: `captured` or `notCaptured`, with a note.
    public var resolution: String?
    public var resolutionNote: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// The replica that admitted it and its lease term (nil without leases, as with SQLite).
    public var owner: String?
    public var ownerTerm: Int64?

    public init(
        id: String, submission: LedgerSubmission, state: SettlementState, outcome: LedgerOutcome? = nil, resolution: String? = nil,
        resolutionNote: String? = nil, createdAt: Date, updatedAt: Date, owner: String? = nil, ownerTerm: Int64? = nil
    ) {
        self.id = id
        self.submission = submission
        self.state = state
        self.outcome = outcome
        self.resolution = resolution
        self.resolutionNote = resolutionNote
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.owner = owner
        self.ownerTerm = ownerTerm
    }
}
