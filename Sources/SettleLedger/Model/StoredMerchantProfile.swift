import Foundation

/// A merchant profile as the ledger keeps it.
public struct StoredMerchantProfile: Sendable, Hashable {
    public var id: String
    /// The profile document, canonical JSON.
    public var document: [UInt8]
    /// The industry and the merchant and terminal numbers, as in the document.
    public var industry: String
    public var merchantNumber: String
    public var terminalNumber: String
    /// The cutoff schedule's IANA zone.
    public var timeZone: String
    /// When its open batch next closes (nil: no cutoff to come).
    public var nextCutoff: Date?
    /// 1 when created, one more at each replacement: the profile's `ETag`.
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, document: [UInt8], industry: String, merchantNumber: String, terminalNumber: String, timeZone: String, nextCutoff: Date?,
        version: Int = 1, createdAt: Date = Date(timeIntervalSince1970: 0), updatedAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.id = id
        self.document = document
        self.industry = industry
        self.merchantNumber = merchantNumber
        self.terminalNumber = terminalNumber
        self.timeZone = timeZone
        self.nextCutoff = nextCutoff
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What storing a profile did.
public enum MerchantProfilePut: Sendable, Hashable {
    case created(StoredMerchantProfile)
    case replaced(StoredMerchantProfile)
    /// The caller's `If-Match` version is not the stored one (or the profile does not exist).
    case versionMismatch(current: StoredMerchantProfile?)
}

/// What deleting a profile did.
public enum MerchantProfileDeletion: Sendable, Hashable {
    case deleted
    case notFound
    case versionMismatch(current: StoredMerchantProfile)
    /// Captures of the merchant are open or not yet settled: void or close them first.
    case capturesPending(Int)
}

/// Merchant profiles, kept in the ledger's database so replicas share them.
public protocol MerchantLedger: Sendable {
    /// Creates or replaces profile `profile.id`; with `ifVersion`, only if that is its version.
    /// A replacement keeps a cutoff already due (it is closed at the scheduler's next pass), and
    /// otherwise takes `profile.nextCutoff`.
    func putMerchantProfile(_ profile: StoredMerchantProfile, ifVersion: Int?, at now: Date) throws(LedgerError) -> MerchantProfilePut
    func merchantProfile(_ id: String) throws(LedgerError) -> StoredMerchantProfile?
    /// Profiles in id order after `after`, at most `limit` (1–500); only `ids` when given.
    func merchantProfiles(after: String?, ids: Set<String>?, limit: Int) throws(LedgerError) -> [StoredMerchantProfile]
    func deleteMerchantProfile(_ id: String, ifVersion: Int?) throws(LedgerError) -> MerchantProfileDeletion
}
