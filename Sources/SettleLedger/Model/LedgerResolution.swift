/// An operator's finding on an in-doubt batch, after checking TSYS reports.
public enum LedgerResolution: String, Sendable, Hashable, CaseIterable, Codable {
    /// The host has the batch: treated as accepted (its number is taken).
    case captured
    /// The host does not have it: it may be sent again.
    case notCaptured
}
