import Foundation
import SettleDTO
import SettleModel
import Testing

@Suite struct SettlementDocumentTests {
    static let minimal = """
        {"industryType": "retail", "batchNumber": 12,
         "merchant": {"bankId": "999995", "number": "888000002200", "storeNumber": "5999", "terminalNumber": "1515",
                      "categoryCode": "5999", "zip": "90210"},
         "detailRecords": [{"transactionType": "cardPresent", "accountDataSource": "D", "cardNumber": "4111111111111111",
             "settlementAmount": 2500, "authorizedAmount": 2500, "transactionDate": "2026-11-25", "transactionTime": "18:30:05",
             "transactionNumber": 1, "approvalCode": "A1B2C3", "authorizationSource": "5", "responseCode": "00",
             "posDataCode": "D2010100000Z"}]}
        """

    func replacing(_ old: String, _ new: String) -> String { Self.minimal.replacingOccurrences(of: old, with: new) }

    @Test func minimalDocumentGetsTheClassReferenceDefaults() throws {
        let batch = try Examples.batch(Examples.read(Self.minimal))
        #expect(batch.transmissionDate == Examples.today)  // from the injected clock
        #expect(batch.merchant.agentBankNumber == "000000")
        #expect(batch.merchant.countryCode == "840")
        #expect(batch.merchant.timeZone == "705")
        #expect(batch.merchant.terminalId == "00000001")
        #expect(batch.merchant.locationNumber == "00001")
        #expect(batch.settings.deviceCode == "Q")
        #expect(batch.settings.combineRecords)
        #expect(batch.settings.developerId == "003318")
        let detail = batch.detailRecords[0]
        #expect(detail.requestedACI == "Y")
        #expect(detail.cardholderId == "@")
        #expect(detail.avsResult == "0")
        #expect(detail.reimbursementAttribute == "0")
    }

    @Test func serverSettingsApplyAndTheDocumentMayOverrideThem() throws {
        let defaults = SettlementDefaults(
            combineRecords: false, deviceCode: "W", locationNumber: "00002", developerId: "003318", applicationId: "A001")
        let batch = try Examples.batch(Examples.read(Self.minimal, defaults: defaults))
        #expect(!batch.settings.combineRecords)
        #expect(batch.settings.deviceCode == "W")
        #expect(batch.merchant.locationNumber == "00002")
        let overridden = replacing("\"batchNumber\": 12,", "\"batchNumber\": 12, \"settings\": {\"combineRecords\": true, \"deviceCode\": \"C\"},")
        let other = try Examples.batch(Examples.read(overridden, defaults: defaults))
        #expect(other.settings.combineRecords)
        #expect(other.settings.deviceCode == "C")
    }

    @Test func developerIdCannotComeFromTheDocument() {
        let document = replacing("\"batchNumber\": 12,", "\"batchNumber\": 12, \"settings\": {\"developerId\": \"999999\"},")
        #expect(Examples.issues(Examples.read(document)).contains { $0.path == "/settings/developerId" && $0.code == .invalidFormat })
    }

    @Test(arguments: ["cvv", "cvv2", "trackData", "track2", "pinBlock"])
    func cardSecurityAndTrackDataAreRefused(key: String) {
        let document = replacing("\"posDataCode\"", "\"\(key)\": \"123\", \"posDataCode\"")
        let issues = Examples.issues(Examples.read(document))
        #expect(issues.contains { $0.path == "/detailRecords/0/\(key)" && $0.code == .missingOrErroneousValue })
        #expect(!issues.map(\.message).joined().contains("123"))
    }

    @Test(arguments: ["heartlandKeyBlock", "heartlandEncryptionMode", "keyBlock"])
    func heartlandE3FieldsAreRefusedAsUnsupported(key: String) {
        let document = replacing("\"posDataCode\"", "\"\(key)\": \"FFEE\", \"posDataCode\"")
        let issues = Examples.issues(Examples.read(document))
        let issue = issues.first { $0.path == "/detailRecords/0/\(key)" }
        #expect(issue?.code == .missingOrErroneousValue)
        #expect(issue?.message.contains("E3") == true)
    }

    @Test func unknownFieldsAreRejectedByPointer() {
        let issues = Examples.issues(Examples.read(replacing("\"zip\"", "\"zipp\": \"1\", \"zip\"")))
        #expect(issues.map(\.path) == ["/merchant/zipp"])
    }

    @Test func typeErrorsAndRuleViolationsAreReportedTogether() {
        let document = replacing("\"settlementAmount\": 2500", "\"settlementAmount\": 25.5")
            .replacingOccurrences(of: "\"transactionDate\": \"2026-11-25\"", with: "\"transactionDate\": \"11/25/2026\"")
            .replacingOccurrences(of: "\"4111111111111111\"", with: "\"4111111111111112\"")
            .replacingOccurrences(of: "\"batchNumber\": 12", with: "\"batchNumber\": \"12\"")
        let issues = Examples.issues(Examples.read(document))
        let byPath = Dictionary(issues.map { ($0.path, $0.code) }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["/detailRecords/0/settlementAmount"] == .invalidFormat)
        #expect(byPath["/detailRecords/0/transactionDate"] == .invalidFormat)
        #expect(byPath["/detailRecords/0/cardNumber"] == .luhnCheckFailed)
        #expect(byPath["/batchNumber"] == .invalidFormat)
        // A field with a reading problem is not reported a second time by the model rules.
        #expect(issues.filter { $0.path == "/batchNumber" }.count == 1)
    }

    @Test func missingRequiredFieldsAreNamed() {
        let issues = Examples.issues(Examples.read("{\"industryType\": \"retail\", \"detailRecords\": [{}]}"))
        let paths = Set(issues.map(\.path))
        #expect(
            paths.isSuperset(of: [
                "/merchant", "/batchNumber", "/detailRecords/0/transactionType", "/detailRecords/0/cardNumber",
                "/detailRecords/0/settlementAmount", "/detailRecords/0/transactionDate",
            ]))
    }

    @Test func oneIndustryPerBatch() {
        let document = replacing("\"transactionType\": \"cardPresent\"", "\"industryType\": \"hotel\", \"transactionType\": \"cardPresent\"")
        #expect(
            Examples.issues(Examples.read(document)).contains { $0.path == "/detailRecords/0/industryType" && $0.code == .missingOrErroneousValue })
    }

    @Test func emptyDetailRecordsIs606() {
        let document = Self.minimal.components(separatedBy: "\"detailRecords\"")[0] + "\"detailRecords\": []}"
        #expect(Examples.issues(Examples.read(document)).map(\.code) == [.emptyDetailRecords])
    }

    /// Not JSON (600), JSON past a limit (601) and JSON that is not a document (the field codes)
    /// are told apart by code, so a client need not match message text.
    @Test func notJSONJSONPastALimitAndNotADocumentHaveCodesOfTheirOwn() {
        #expect(Examples.issues(Examples.read("{not json")).map(\.code) == [.invalidJSON])
        #expect(Examples.issues(Examples.read("{")).map(\.code) == [.invalidJSON])
        #expect(Examples.issues(Examples.read(String(repeating: "[", count: 65) + String(repeating: "]", count: 65))).map(\.code) == [.limitExceeded])
        #expect(Examples.issues(Examples.read("[1e400]")).map(\.code) == [.limitExceeded])
        #expect(Examples.issues(Examples.read("[]")).map(\.path) == [""])
        #expect(Examples.issues(Examples.read("[]")).map(\.code) == [.invalidFormat])
        let unknownMember = Examples.issues(Examples.read(#"{"industryType": "retail", "extra": 1, "detailRecords": []}"#))
        #expect(unknownMember.contains { $0.path == "/extra" && $0.code == .invalidFormat })
    }

    /// An integer too long for 64 bits is past a limit; a fraction is a format problem.
    @Test func anIntegerBeyondSixtyFourBitsIsPastALimit() throws {
        let beyond = Self.minimal.replacingOccurrences(of: "\"batchNumber\": 12", with: "\"batchNumber\": 9223372036854775808")
        #expect(beyond != Self.minimal)
        #expect(Examples.issues(Examples.read(beyond)).first { $0.path == "/batchNumber" }?.code == .limitExceeded)
        let fraction = Self.minimal.replacingOccurrences(of: "\"batchNumber\": 12", with: "\"batchNumber\": 1.5")
        #expect(Examples.issues(Examples.read(fraction)).first { $0.path == "/batchNumber" }?.code == .invalidFormat)
    }

    @Test func levelThreeAcceptsExemptTaxAndDecimalQuantities() throws {
        let batch = try Examples.batch(
            SettlementDocument.read(json: try Examples.data("level3"), defaults: Examples.defaults, today: Examples.today)
        )
        let level3 = try #require(batch.detailRecords[0].level3)
        #expect(level3.localTax == .exempt)
        #expect(level3.lineItems.map(\.quantity) == [10_000, 20_000])
    }

    @Test func quantityWithMoreThanFourDecimalsIsRejected() throws {
        var text = String(decoding: try Examples.data("level3"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"quantity\": \"2\"", with: "\"quantity\": \"2.00001\"")
        #expect(Examples.issues(Examples.read(text)).contains { $0.path == "/detailRecords/0/level3/lineItems/1/quantity" })
    }

    @Test func classReferenceNamesAreAccepted() throws {
        let document = replacing("\"accountDataSource\": \"D\"", "\"entryDataSource\": \"track1\", \"isBillPayment\": true")
        let batch = try Examples.batch(Examples.read(document))
        #expect(batch.detailRecords[0].accountDataSource == "H")
        #expect(batch.detailRecords[0].marketSpecificData == "B")
    }

    @Test func uncertainEntryDataSourcesAskForTheCode() {
        let document = replacing("\"accountDataSource\": \"D\"", "\"entryDataSource\": \"kiosk\"")
        let issues = Examples.issues(Examples.read(document))
        #expect(issues.contains { $0.path == "/detailRecords/0/entryDataSource" && $0.message.contains("give accountDataSource") })
        let both = replacing("\"accountDataSource\": \"D\"", "\"accountDataSource\": \"D\", \"entryDataSource\": \"track2\"")
        #expect(Examples.issues(Examples.read(both)).contains { $0.path == "/detailRecords/0/entryDataSource" })
    }

    @Test func levelThreePurchaseIdentifierAndUnitsFollowTheClassReference() throws {
        var text = String(decoding: try Examples.data("level3"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"purchaseIdentifier\": \"INV-7731\",", with: "")
            .replacingOccurrences(of: "\"localTax\": \"EXEMPT\"", with: "\"localTax\": \"EXEMPT\", \"purchaseIdentifier\": \"INV-9\"")
            .replacingOccurrences(of: "\"unitOfMeasure\": \"each\"", with: "\"units\": \"each\"")
        let batch = try Examples.batch(Examples.read(text))
        #expect(batch.detailRecords[0].purchaseIdentifier == "INV-9")
        #expect(batch.detailRecords[0].level3?.lineItems[1].unitOfMeasure == "each")
    }
}
