/// The versions of request fingerprints. Version 2 (`v2:` and the HMAC) is of the document's
/// canonical JSON; fingerprints of ledgers written before were of the encoded batch, unprefixed,
/// and are not comparable with today's.
public enum LedgerFingerprint {
    public static let prefix = "v2:"

    /// `hex` as this version stores it.
    public static func current(_ hex: String) -> String { prefix + hex }

    /// Whether a stored fingerprint can be compared with today's.
    public static func isCurrent(_ fingerprint: String) -> Bool { fingerprint.hasPrefix(prefix) }
}
