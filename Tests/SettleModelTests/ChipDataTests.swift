import Foundation
import SettleModel
import Testing

/// ICC data, as a terminal returns it, read into the values of the chip card addendum.
@Suite struct ChipDataTests {
    static let contact =
        "9C0100" + "9A03261125" + "95050080008000" + "5F2A020840" + "9F3602001C" + "82021980" + "9F26081122334455667788"
        + "9F3704A1B2C3D4" + "9F100706010A03A0A000" + "9F270180" + "9F3303E0F8C8" + "5F340101" + "9F34031F0302"
        + "9F6E0420700000" + "9F0206000000002500" + "9F1A020840" + "4F07A0000000031010"

    func read(_ hex: String) throws -> ChipData.ICCReading {
        ChipData.read(try BERTLV.parse(hex: hex).get())
    }

    @Test func everyTagTheAddendumCarriesLandsInItsField() throws {
        let reading = try read(Self.contact)
        #expect(reading.problems == [])
        let chip = reading.chip
        #expect(chip.transactionType == "00")
        #expect(chip.terminalTransactionDate == LocalDate(year: 2026, month: 11, day: 25))
        #expect(chip.terminalVerificationResults == "0080008000")
        #expect(chip.currencyCode == "840")
        #expect(chip.applicationTransactionCounter == "001C")
        #expect(chip.applicationInterchangeProfile == "1980")
        #expect(chip.applicationCryptogram == "1122334455667788")
        #expect(chip.unpredictableNumber == "A1B2C3D4")
        #expect(chip.issuerApplicationData == "06010A03A0A000")
        #expect(chip.cryptogramInformationData == "80")
        #expect(chip.terminalCapabilities == "E0F8C8")
        #expect(chip.cardSequenceNumber == 1)
        #expect(chip.cvmResults == "1F0302")
        #expect(chip.formFactorIndicator == "20700000")
        #expect(chip.cryptogramAmount == Amount(minorUnits: 2500))
        #expect(chip.issuerAuthenticationData == "")
        #expect(chip.issuerScriptResults == "")
    }

    @Test func tagsTheAddendumHasNoFieldForAreListedNotKept() throws {
        #expect(try read(Self.contact).ignoredTags == ["9F1A", "4F"])
        #expect(try read("DF31051122334455").ignoredTags == ["DF31"])
    }

    @Test(arguments: [
        ("9F260711223344556677", "tag 9F26: is 7 bytes; EMV gives it 8"),
        ("9F1000", "tag 9F10: is 0 bytes; EMV gives it 1 to 32"),
        ("9A03261332", "tag 9A: is not a date (YYMMDD)"),
        ("5F2A020A40", "tag 5F2A: is not BCD digits"),
        ("9F0206000000002A00", "tag 9F02: is not BCD digits"),
        ("9107112233445566AA", "tag 91: is 7 bytes; EMV gives it 8 to 16"),
    ])
    func aKnownTagWithAnImpossibleValueIsAProblemNamingIt(hex: String, problem: String) throws {
        let reading = try read(hex)
        #expect(reading.problems.map(\.description) == [problem])
        #expect(reading.ignoredTags == [])
    }

    @Test func bytesAreWrittenAsUpperCaseHexHighNibbleFirst() {
        #expect(BERTLV.hex(bytes: [0x00, 0x0F, 0xA5, 0xFF]) == "000FA5FF")
        #expect(BERTLV.hex(bytes: []) == "")
    }

    @Test func theAmountAuthorizedIsTheCryptogramAmountOnlyBesideAnARQC() throws {
        let tc = try read(Self.contact.replacingOccurrences(of: "9F270180", with: "9F270140"))
        #expect(tc.chip.cryptogramAmount == nil)
        #expect(tc.ignoredTags.contains("9F02"))
        #expect(tc.problems == [])
        #expect(try read(Self.contact).chip.cryptogramAmount == Amount(minorUnits: 2500))
    }

    @Test(arguments: ["5A084111111111111111", "57084111111111111111", "9F6B084111111111111111", "9908AABBCCDDEEFF0011"])
    func cardNumbersTrackAndPINDataAreRefusedWithoutEchoingThem(hex: String) throws {
        let reading = try read(Self.contact + hex)
        #expect(reading.problems.count == 1)
        #expect(reading.problems[0].reason.contains("never accepted"))
        #expect(!reading.problems.description.contains("4111111111111111"))
        #expect(!reading.problems.description.contains("AABBCCDD"))
    }

    @Test func aCurrencyCodeWhosePadDigitIsNotZeroIsAProblem() throws {
        #expect(try read("5F2A021840").problems.map(\.description) == ["tag 5F2A: is not a three-digit currency code (n3 starts with 0)"])
    }
}
