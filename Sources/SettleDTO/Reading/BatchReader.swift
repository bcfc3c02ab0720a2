import SettleJSON
import SettleModel

/// Reads the top level of a settlement document: merchant, batch identity, settings, details.
struct BatchReader {
    let defaults: SettlementDefaults
    let today: LocalDate

    static let keys: KeySet = [
        "merchant", "industryType", "batchNumber", "transmissionDate", "settings", "travelAgency", "detailRecords",
    ]

    static let settingsKeys: KeySet = ["combineRecords", "deviceCode", "amexAggregatorName", "genKey"]
    static let travelAgencyKeys: KeySet = ["code", "name"]

    /// Stands in for a number the ledger will allocate, so the rest of the batch validates.
    static let automaticBatchNumberPlaceholder = 1

    static let merchantKeys: KeySet = [
        "bankId", "agentBankNumber", "agentChainNumber", "number", "storeNumber", "terminalNumber", "categoryCode", "name",
        "city", "state", "zip", "countryCode", "currencyCode", "language", "timeZone", "localPhone", "servicePhone",
        "terminalId", "locationNumber", "streetAddress", "phone",
    ]

    func read(_ doc: DocumentObject, _ issues: inout IssueList) -> Batch {
        let doc = doc.reading(Self.keys, &issues)
        let industry: IndustryType = doc.choice("industryType", &issues) ?? .unknown
        let merchant = doc.object("merchant", &issues).map { readMerchant($0, &issues) }
        if merchant == nil && !doc.has("merchant") { issues.add(.missingOrErroneousValue, "/merchant", "is required") }
        var details: [DetailRecord] = []
        if let elements = doc.array("detailRecords", required: true, &issues) {
            let reader = DetailReader(industry: industry)
            details.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                guard let object = DocumentObject(element, at: "/detailRecords", element: index, &issues) else {
                    details.append(DetailReader.placeholder)
                    continue
                }
                details.append(reader.read(object, &issues))
            }
        }
        let settingsObject = doc.object("settings", &issues)
        var settings = readSettings(settingsObject, &issues)
        // The class reference: device code X "must be used on all EMV mode chip card transactions".
        if defaults.profile.emvDeviceCode && settingsObject?.has("deviceCode") != true && details.contains(where: { $0.chip != nil }) {
            settings.deviceCode = "X"
        }
        return Batch(
            merchant: merchant ?? Self.emptyMerchant, industryType: industry,
            batchNumber: defaults.allowsAutomaticBatchNumber && !doc.has("batchNumber")
                ? Self.automaticBatchNumberPlaceholder : doc.int("batchNumber", &issues),
            transmissionDate: doc.date("transmissionDate", default: today, &issues),
            settings: settings,
            travelAgency: doc.object("travelAgency", &issues).map { readTravelAgency($0, &issues) },
            detailRecords: details)
    }

    func readMerchant(_ m: DocumentObject, _ issues: inout IssueList) -> Merchant {
        let m = m.reading(Self.merchantKeys, &issues)
        // Authorization-only class reference properties: accepted and type-checked, not sent in settlement.
        _ = m.optionalString("streetAddress", &issues)
        _ = m.optionalString("phone", &issues)
        return Merchant(
            bankId: m.string("bankId", &issues), agentBankNumber: m.string("agentBankNumber", default: "000000", &issues),
            agentChainNumber: m.string("agentChainNumber", default: "000000", &issues), number: m.string("number", &issues),
            storeNumber: m.string("storeNumber", &issues), terminalNumber: m.string("terminalNumber", &issues),
            categoryCode: m.string("categoryCode", &issues), name: m.string("name", default: "", &issues),
            city: m.string("city", default: "", &issues), state: m.string("state", default: "", &issues),
            zip: m.string("zip", &issues), countryCode: m.string("countryCode", default: "840", &issues),
            currencyCode: m.string("currencyCode", default: "840", &issues), language: m.string("language", default: "00", &issues),
            timeZone: m.string("timeZone", default: "705", &issues), localPhone: m.string("localPhone", default: "", &issues),
            servicePhone: m.string("servicePhone", default: "", &issues),
            terminalId: m.string("terminalId", default: "00000001", &issues),
            locationNumber: m.string("locationNumber", default: defaults.locationNumber, &issues))
    }

    func readSettings(_ s: DocumentObject?, _ issues: inout IssueList) -> BatchSettings {
        var settings = BatchSettings(
            combineRecords: defaults.combineRecords, deviceCode: defaults.deviceCode, amexAggregatorName: defaults.amexAggregatorName,
            genKey: defaults.genKey, developerId: defaults.developerId, applicationId: defaults.applicationId,
            gatewayId: defaults.gatewayId)
        guard let s = s?.reading(Self.settingsKeys, &issues) else { return settings }
        settings.combineRecords = s.bool("combineRecords", default: settings.combineRecords, &issues)
        settings.deviceCode = s.string("deviceCode", default: settings.deviceCode, &issues)
        settings.amexAggregatorName = s.optionalString("amexAggregatorName", &issues) ?? settings.amexAggregatorName
        settings.genKey = s.optionalString("genKey", &issues) ?? settings.genKey
        return settings
    }

    func readTravelAgency(_ t: DocumentObject, _ issues: inout IssueList) -> TravelAgency {
        let t = t.reading(Self.travelAgencyKeys, &issues)
        return TravelAgency(code: t.string("code", &issues), name: t.string("name", default: "", &issues))
    }

    static let emptyMerchant = Merchant(bankId: "", number: "", storeNumber: "", terminalNumber: "", categoryCode: "", zip: "")
}
