/// The ledger could not read or write its database (a full disk, a locked or damaged file).
/// Settling stops rather than sending a batch that is not on record.
public struct LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "settlement ledger: \(message)" }
}
