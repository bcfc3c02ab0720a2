/// Checks a batch against every rule known before transmission and reports all problems at once.
///
/// Rules come from EIS 1081 (field formats, Table 3.9 group combinations), the detail-record
/// fields file (conditional rules) and the class reference (merchant data coupling, phone
/// format, one industry per batch). Nothing is encoded for a batch with issues.
public struct BatchValidator: Sendable {
    public var profile: WireProfile

    public init(profile: WireProfile = .standard) { self.profile = profile }

    /// Every problem in the batch; empty when it may be encoded and sent.
    public func validate(_ batch: Batch) -> [ValidationIssue] {
        var collector = IssueCollector()
        checkBatch(batch, &collector)
        checkMerchant(batch.merchant, industry: batch.industryType, &collector)
        if batch.detailRecords.isEmpty {
            collector.report(.emptyDetailRecords, "/detailRecords", "a batch needs at least one detail record")
        }
        // Each record is checked in place, not copied.
        ReadOnlyRecords.forEach(batch.detailRecords) { index, detail in
            collector.detailIndex = index
            checkDetail(detail, at: .detail(index), in: batch, &collector)
        }
        return collector.issues
    }

    private func checkBatch(_ batch: Batch, _ c: inout IssueCollector) {
        c.range(batch.batchNumber, "/batchNumber", 1...999)
        c.date(batch.transmissionDate, "/transmissionDate")
        let settings = batch.settings
        c.code(settings.deviceCode, "/settings/deviceCode", in: Codes.deviceCodes)
        if profile.emvDeviceCode && settings.deviceCode != "X" && batch.detailRecords.contains(where: { $0.$chip.hasValue }) {
            c.report(
                .missingOrErroneousValue, "/settings/deviceCode",
                "must be X in a batch with chip data: the class reference requires X on every EMV mode chip card transaction (leave deviceCode out, or turn --emv-device-code off)"
            )
        }
        if let name = settings.amexAggregatorName {
            c.text(name, "/settings/amexAggregatorName", length: 12, required: true, allowed: .alphanumeric)
        }
        if let genKey = settings.genKey {
            c.text(genKey, "/settings/genKey", length: 24, required: true, allowed: .hexadecimal)
            if genKey.utf8.count != 24 { c.report(.invalidLength, "/settings/genKey", "must be exactly 24 hexadecimal characters") }
        }
        checkDeveloperIdentity(settings, &c)
        if let gateway = settings.gatewayId {
            c.text(gateway, "/settings/gatewayId", length: 10, required: true, allowed: .alphanumeric)
        }
        if let agency = batch.travelAgency {
            if batch.industryType != .passengerTransport {
                c.report(.missingOrErroneousValue, "/travelAgency", "is only sent in passenger transport batches")
            }
            c.text(agency.code, "/travelAgency/code", length: 8, required: true)
            c.text(agency.name, "/travelAgency/name", length: 25)
        }
    }

    private func checkDeveloperIdentity(_ settings: BatchSettings, _ c: inout IssueCollector) {
        let developer = settings.developerId ?? ""
        let application = settings.applicationId ?? ""
        if developer.isEmpty && application.isEmpty {
            if profile.requireModernGroups {
                c.report(
                    .missingOrErroneousValue, "/settings/developerId",
                    "developer id and application id (header group 5) are mandatory; they are assigned at TSYS certification and set in server configuration"
                )
            }
            return
        }
        c.text(developer, "/settings/developerId", length: 6, required: true, allowed: .alphanumeric)
        c.text(application, "/settings/applicationId", length: 4, required: true, allowed: .alphanumeric)
    }

}
