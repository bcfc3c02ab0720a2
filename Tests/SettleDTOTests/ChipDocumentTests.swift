import Foundation
import SettleDTO
import SettleModel
import Testing

/// A detail's `chip` object: named EMV values or the terminal's ICC data, read strictly.
@Suite struct ChipDocumentTests {
    func document(chip: String) -> String {
        SettlementDocumentTests.minimal.replacingOccurrences(
            of: "\"posDataCode\": \"D2010100000Z\"", with: "\"posDataCode\": \"D20101C0000Z\", \"chip\": \(chip)")
    }

    static let icc =
        "9C0100" + "9A03261125" + "95050000008000" + "5F2A020840" + "9F360200A1" + "82021980" + "9F2608A1B2C3D4E5F60718"
        + "9F370411223344" + "9F270140" + "9F100706010A03A00000" + "9F3303E0F8C8" + "9F1A020840"

    @Test func iccDataFillsTheAddendumAndTheBatchEncodes() throws {
        let batch = try Examples.batch(Examples.read(document(chip: "{\"iccData\": \"\(Self.icc)\"}")))
        let chip = try #require(batch.detailRecords[0].chip)
        #expect(chip.applicationCryptogram == "A1B2C3D4E5F60718")
        #expect(chip.terminalTransactionDate == LocalDate(year: 2026, month: 11, day: 25))
        #expect(chip.cryptogramAmount == nil)
    }

    @Test func namedValuesAreTakenInEitherCaseAndSentUpperCase() throws {
        let named = """
            {"terminalTransactionDate": "2026-11-25", "terminalVerificationResults": "0000008000",
             "applicationTransactionCounter": "00a1", "applicationInterchangeProfile": "1980",
             "applicationCryptogram": "a1b2c3d4e5f60718", "unpredictableNumber": "11223344",
             "issuerApplicationData": "06010a03a00000", "cryptogramInformationData": "40", "terminalCapabilities": "e0f8c8"}
            """
        let batch = try Examples.batch(Examples.read(document(chip: named)))
        #expect(batch.detailRecords[0].chip?.applicationCryptogram == "A1B2C3D4E5F60718")
        #expect(batch.detailRecords[0].chip?.applicationTransactionCounter == "00A1")
    }

    @Test(arguments: [
        ("9F26", "is not BER-TLV: a length runs past the data"),
        ("9F2608A1B2", "is not BER-TLV"),
        ("ZZ", "is not BER-TLV"),
        ("9F2607A1B2C3D4E5F607", "tag 9F26: is 7 bytes; EMV gives it 8"),
    ])
    func brokenICCDataIsAFormatProblemAtItsPointer(icc: String, message: String) {
        let issues = Examples.issues(Examples.read(document(chip: "{\"iccData\": \"\(icc)\"}")))
        let problem = issues.first { $0.path == "/detailRecords/0/chip/iccData" && $0.code == .invalidFormat }
        #expect(problem != nil, "\(issues)")
        #expect(problem?.message.hasPrefix(String(message.prefix(16))) == true, "\(problem?.message ?? "")")
    }

    @Test func iccDataAndNamedValuesTogetherAreRefused() {
        let issues = Examples.issues(Examples.read(document(chip: "{\"iccData\": \"\(Self.icc)\", \"unpredictableNumber\": \"11223344\"}")))
        #expect(issues.contains { $0.path == "/detailRecords/0/chip/unpredictableNumber" && $0.code == .missingOrErroneousValue })
    }

    @Test func iccDataWithoutATerminalDateIsRefused() {
        let withoutDate = Self.icc.replacingOccurrences(of: "9A03261125", with: "")
        let issues = Examples.issues(Examples.read(document(chip: "{\"iccData\": \"\(withoutDate)\"}")))
        #expect(issues.contains { $0.path == "/detailRecords/0/chip/iccData" && $0.message.contains("9A") })
    }

    @Test func aTCWithTheAmountAuthorizedSettlesWithoutGroup1() throws {
        let batch = try Examples.batch(Examples.read(document(chip: "{\"iccData\": \"\(Self.icc)9F0206000000002500\"}")))
        #expect(batch.detailRecords[0].chip?.cryptogramAmount == nil)
    }
}

/// What a chip batch gets beyond its addenda: device code X, the card sequence number where a
/// brand requires it, and a note for each ICC tag the addendum has no field for.
@Suite struct ChipBatchDocumentTests {
    static let icc = ChipDocumentTests.icc
    let chipDocuments = ChipDocumentTests()

    @Test func aBatchWithChipDataDefaultsToDeviceCodeXUnlessTheSettingIsOff() throws {
        let json = chipDocuments.document(chip: "{\"iccData\": \"\(Self.icc)\"}")
        #expect(try Examples.batch(Examples.read(json)).settings.deviceCode == "X")
        var defaults = Examples.defaults
        defaults.profile.emvDeviceCode = false
        #expect(try Examples.batch(Examples.read(json, defaults: defaults)).settings.deviceCode == "Q")
        // A device code the document names is kept, and refused while the setting is on.
        let explicit = json.replacingOccurrences(of: "\"batchNumber\": 12,", with: "\"batchNumber\": 12, \"settings\": {\"deviceCode\": \"Q\"},")
        #expect(Examples.issues(Examples.read(explicit)).map(\.path) == ["/settings/deviceCode"])
        #expect(try Examples.batch(Examples.read(explicit, defaults: defaults)).settings.deviceCode == "Q")
    }

    @Test func ignoredICCTagsAreNotedNotRefused() throws {
        let json = chipDocuments.document(chip: "{\"iccData\": \"\(Self.icc)\"}")
        let checked = try SettlementDocument.check(json: Data(json.utf8), defaults: Examples.defaults, today: Examples.today).get()
        #expect(checked.notes.map(\.path) == ["/detailRecords/0/chip/iccData"])
        #expect(checked.notes.first?.message.contains("9F1A") == true)
        let report = ValidationReportDTO(batch: checked.batch, shape: checked.shape, notes: checked.notes)
        #expect(report.notes == checked.notes)
    }

    @Test func americanExpressAndDiscoverChipDataNeedTheCardSequenceNumber() {
        for card in ["378282246310005", "6011000990139424"] {
            let icc = chipDocuments.document(chip: "{\"iccData\": \"\(Self.icc)\"}").replacingOccurrences(of: "4111111111111111", with: card)
            #expect(Examples.issues(Examples.read(icc)).contains { $0.path == "/detailRecords/0/chip/iccData" && $0.message.contains("5F34") })
            let withSequence = icc.replacingOccurrences(of: Self.icc, with: Self.icc + "5F340101")
            #expect(!Examples.issues(Examples.read(withSequence)).contains { $0.message.contains("5F34") })
        }
        let visa = chipDocuments.document(chip: "{\"iccData\": \"\(Self.icc)\"}")
        #expect(!Examples.issues(Examples.read(visa)).contains { $0.message.contains("5F34") }, "optional for Visa")
    }
}
