import SettleModel

/// Server-side settings that fill in what a settlement document leaves out: the class
/// reference's config settings (`CombineRecords`, `DeviceCode`, `LocationNumber`,
/// `AmexAggregatorName`, `GenKey`) and the certification-assigned developer and application ids.
public struct SettlementDefaults: Sendable, Hashable {
    public var combineRecords: Bool
    public var deviceCode: String
    public var locationNumber: String
    public var amexAggregatorName: String?
    public var genKey: String?
    /// Header group 5. Configuration only: a document cannot set these.
    public var developerId: String?
    public var applicationId: String?
    /// Header group 6. Configuration only, like the developer id.
    public var gatewayId: String?
    public var profile: WireProfile
    /// Whether a document may leave `batchNumber` out for the settlement ledger to allocate
    /// (only where a ledger keeps track of the numbers used).
    public var allowsAutomaticBatchNumber = false

    public init(
        combineRecords: Bool = true, deviceCode: String = "Q", locationNumber: String = "00001",
        amexAggregatorName: String? = nil, genKey: String? = nil, developerId: String? = nil, applicationId: String? = nil,
        gatewayId: String? = nil, profile: WireProfile = .standard
    ) {
        self.combineRecords = combineRecords
        self.deviceCode = deviceCode
        self.locationNumber = locationNumber
        self.amexAggregatorName = amexAggregatorName
        self.genKey = genKey
        self.developerId = developerId
        self.applicationId = applicationId
        self.gatewayId = gatewayId
        self.profile = profile
    }
}
