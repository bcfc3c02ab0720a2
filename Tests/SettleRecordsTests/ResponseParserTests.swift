import Foundation
import SettleFraming
import SettleModel
import SettleRecords
import Testing

/// The host's response record (spec §2.8) and the class reference's codes for corrupt responses.
@Suite struct ResponseParserTests {
    static func framed(_ text: String) -> [UInt8] {
        var writer = BlockWriter(policy: BlockingPolicy(combineRecords: false))
        writer.append(record: Array(text.utf8))
        return writer.finish().bytes
    }

    static let good = "K1.ZR@@@@000000004" + "0000000000001000" + "GB" + "00" + "001" + "_ACCEPTED" + String(repeating: " ", count: 16)
    static let duplicate = "K1.ZR@@@@000000002" + "0000000000000000" + "QD" + "00" + "001" + "0722" + String(repeating: " ", count: 21)
    static func rejected(data: String) -> String {
        "K1.ZR@@@@000000030" + "0000000000000000" + "RB" + "00" + "123" + "E" + "0031" + "D" + "22" + data
    }

    @Test func goodBatch() throws {
        let response = try ResponseParser.parse(wire: Self.framed(Self.good))
        #expect(response.code == .goodBatch)
        #expect(response.recordCount == 4)
        #expect(response.netDeposit == 1000)
        #expect(response.batchNumber == 1)
        #expect(response.text == "_ACCEPTED")
        #expect(response.rejection == nil)
    }

    @Test func goodBatchTextWithASpaceIsAlsoGood() throws {
        let text = Self.good.replacingOccurrences(of: "_ACCEPTED", with: " ACCEPTED")
        #expect(try ResponseParser.parse(wire: Self.framed(text)).code == .goodBatch)
    }

    @Test(arguments: ["QD", "DB"])
    func duplicateBatchUnderBothCodes(code: String) throws {
        let response = try ResponseParser.parse(wire: Self.framed(Self.duplicate.replacingOccurrences(of: "QD", with: code)))
        #expect(response.code == .duplicateBatch)
        #expect(response.rawCode == code)
        #expect(response.originalTransmissionDate == "0722")
    }

    /// Error data is 17 characters in the spec's example (§5.25) and 32 in its field definition (§4.113): both read to ETX.
    @Test(arguments: [17, 32])
    func rejectedBatchWithEitherErrorDataLength(length: Int) throws {
        let data = String("0A TRANSACTION STATUS CODE".prefix(length)).padding(toLength: length, withPad: " ", startingAt: 0)
        let response = try ResponseParser.parse(wire: Self.framed(Self.rejected(data: data)))
        #expect(response.code == .rejectedBatch)
        #expect(response.batchNumber == 123)
        let rejection = try #require(response.rejection)
        #expect(rejection.errorType == "E")
        #expect(rejection.sequenceNumber == 31)
        #expect(rejection.recordType == "D")
        #expect(rejection.fieldNumber == 22)
        #expect(rejection.data == data.trimmingCharacters(in: .whitespaces))
    }

    @Test func rejectedCardNumberFieldIsMaskedInErrorData() throws {
        let text = Self.rejected(data: "4111111111111111                ").replacingOccurrences(of: "D22", with: "D09")
        let rejection = try #require(try ResponseParser.parse(wire: Self.framed(text)).rejection)
        #expect(rejection.data == "411111******1111")
    }

    @Test func emptyIs520() {
        #expect(code { try ResponseParser.parse(wire: []) } == .responsePacketEmpty)
    }

    @Test func missingETXOrLRCIs521() {
        let bytes = Self.framed(Self.good)
        #expect(code { try ResponseParser.parse(wire: Array(bytes.dropLast())) } == .responseTruncated)
        #expect(code { try ResponseParser.parse(wire: Array(bytes.prefix(30))) } == .responseTruncated)
    }

    @Test func badLRCIs518() {
        var bytes = Self.framed(Self.good)
        bytes[bytes.count - 1] = Parity.even(Parity.strip(bytes[bytes.count - 1]) ^ 0x01)
        #expect(code { try ResponseParser.parse(wire: bytes) } == .lrcCheckFailed)
    }

    @Test func parityErrorOrMissingSTXIs519() {
        var bytes = Self.framed(Self.good)
        bytes[10] ^= 0x80
        #expect(code { try ResponseParser.parse(wire: bytes) } == .corruptResponse)
        #expect(code { try ResponseParser.parse(wire: Array(Self.framed(Self.good).dropFirst())) } == .corruptResponse)
    }

    @Test func shortRecordIs512() {
        #expect(code { try ResponseParser.parse(wire: Self.framed("K1.ZR@@@@0000000040000")) } == .truncatedResponse)
    }

    @Test func unknownCodeOrNonNumericFieldsIs513() {
        #expect(code { try ResponseParser.parse(wire: Self.framed(Self.good.replacingOccurrences(of: "GB", with: "XX"))) } == .invalidResponse)
        #expect(
            code { try ResponseParser.parse(wire: Self.framed(Self.good.replacingOccurrences(of: "000000004", with: "00000000A"))) }
                == .invalidResponse)
        #expect(code { try ResponseParser.parse(wire: Self.framed("K1.ZT" + Self.good.dropFirst(5))) } == .invalidResponse)
    }

    @Test func wrongLengthIs517() {
        #expect(code { try ResponseParser.parse(wire: Self.framed(Self.good + "X")) } == .responseLengthMismatch)
        #expect(code { try ResponseParser.parse(wire: Self.framed(String(Self.duplicate.dropLast()))) } == .responseLengthMismatch)
        #expect(
            code { try ResponseParser.parse(wire: Self.framed(Self.rejected(data: String(repeating: "X", count: 33)))) } == .responseLengthMismatch)
    }

    func code(_ body: () throws -> HostResponse) -> ErrorCode? {
        do {
            _ = try body()
            return nil
        } catch let error as ResponseError {
            return error.code
        } catch {
            return nil
        }
    }
}
