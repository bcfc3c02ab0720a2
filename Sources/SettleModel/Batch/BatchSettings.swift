/// Per-batch settings that the class reference keeps as config settings rather than properties.
///
/// Defaults match the class reference. The developer and application ids (header group 5)
/// are assigned to this software at TSYS certification and normally come from server
/// configuration, not from the caller.
public struct BatchSettings: Sendable, Hashable {
    /// `CombineRecords`: pack up to three records per block (blocking indicator `2`).
    public var combineRecords: Bool
    /// `DeviceCode`, one character (default `Q`, third-party developer).
    public var deviceCode: String
    /// `AmexAggregatorName`: Amex OptBlue PSP/aggregator name (header group 3), ≤ 12, no spaces.
    public var amexAggregatorName: String?
    /// `GenKey`: Gen2 authentication key (header group 4), 24 hexadecimal characters.
    public var genKey: String?
    /// Developer id (header group 5), 6 characters.
    public var developerId: String?
    /// Application id (header group 5), 4 characters.
    public var applicationId: String?
    /// Gateway id (header group 6), up to 10 characters, assigned by TSYS to a gateway that
    /// settles for merchants.
    public var gatewayId: String?

    public init(
        combineRecords: Bool = true, deviceCode: String = "Q", amexAggregatorName: String? = nil,
        genKey: String? = nil, developerId: String? = nil, applicationId: String? = nil, gatewayId: String? = nil
    ) {
        self.combineRecords = combineRecords
        self.deviceCode = deviceCode
        self.amexAggregatorName = amexAggregatorName
        self.genKey = genKey
        self.developerId = developerId
        self.applicationId = applicationId
        self.gatewayId = gatewayId
    }
}
