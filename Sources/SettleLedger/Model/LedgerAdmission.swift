/// What the ledger says to a new submission, decided atomically with recording it.
public enum LedgerAdmission: Sendable, Hashable {
    /// Recorded as `received`: go ahead and send it.
    case admitted(LedgerEntry)
    /// The same idempotency key and the same request, already finished: answer as before (an
    /// entry the service was stopped under has no recorded answer; its state is the answer).
    case replay(LedgerEntry)
    /// The same idempotency key with a different request.
    case keyReused(LedgerEntry)
    /// The same idempotency key, or the same batch number, is being settled right now.
    case inFlight(LedgerEntry)
    /// This merchant, terminal and batch number was accepted within the guard window.
    case alreadyAccepted(LedgerEntry)
    /// An earlier attempt with this batch number is in doubt and not yet resolved.
    case unresolvedInDoubt(LedgerEntry)
}

extension LedgerAdmission {
    /// The same answer about the entry `transform` gives.
    func map<E: Error>(_ transform: (LedgerEntry) throws(E) -> LedgerEntry) throws(E) -> LedgerAdmission {
        switch self {
        case .admitted(let entry): .admitted(try transform(entry))
        case .replay(let entry): .replay(try transform(entry))
        case .keyReused(let entry): .keyReused(try transform(entry))
        case .inFlight(let entry): .inFlight(try transform(entry))
        case .alreadyAccepted(let entry): .alreadyAccepted(try transform(entry))
        case .unresolvedInDoubt(let entry): .unresolvedInDoubt(try transform(entry))
        }
    }
}
