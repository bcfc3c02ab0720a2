import SettleModel

/// Batch identity and settings.
enum BatchRules {
    static let cases: [RuleCase] = [
        RuleCase("batch number 0", code: .outOfRange, path: "/batchNumber") { $0.batchNumber = 0 },
        RuleCase("batch number 1000", code: .outOfRange, path: "/batchNumber") { $0.batchNumber = 1000 },
        RuleCase("no detail records", code: .emptyDetailRecords, path: "/detailRecords") { $0.detailRecords = [] },
        RuleCase("impossible transmission date", code: .invalidFormat, path: "/transmissionDate") {
            $0.transmissionDate = LocalDate(year: 2026, month: 2, day: 30)
        },
        RuleCase("unknown device code", code: .outOfRange, path: "/settings/deviceCode") { $0.settings.deviceCode = "K" },
        RuleCase("aggregator name with a space", code: .invalidFormat, path: "/settings/amexAggregatorName") {
            $0.settings.amexAggregatorName = "MY PSP"
        },
        RuleCase("aggregator name too long", code: .invalidLength, path: "/settings/amexAggregatorName") {
            $0.settings.amexAggregatorName = "ABCDEFGHIJKLM"
        },
        RuleCase("genkey too short", code: .invalidLength, path: "/settings/genKey") { $0.settings.genKey = "ABCDEF" },
        RuleCase("genkey not hexadecimal", code: .invalidFormat, path: "/settings/genKey") {
            $0.settings.genKey = String(repeating: "G", count: 24)
        },
        RuleCase("developer id missing", code: .missingOrErroneousValue, path: "/settings/developerId") {
            $0.settings.developerId = nil
            $0.settings.applicationId = nil
        },
        RuleCase("application id missing", code: .missingOrErroneousValue, path: "/settings/applicationId") {
            $0.settings.applicationId = nil
        },
        RuleCase("application id too long", code: .invalidLength, path: "/settings/applicationId") { $0.settings.applicationId = "A0001" },
        RuleCase("travel agency outside passenger transport", code: .missingOrErroneousValue, path: "/travelAgency") {
            $0.travelAgency = TravelAgency(code: "12345678", name: "X")
        },
        RuleCase("travel agency code too long", .passengerTransport, code: .invalidLength, path: "/travelAgency/code") {
            $0.travelAgency = TravelAgency(code: "123456789", name: "X")
        },
    ]
}
