import SettleFraming
import SettleModel

/// Reads the host's response record, framed (`STX … ETX LRC`) or as bare record text.
public enum ResponseParser {
    /// Fixed part shared by every response: prefix, record type, count, net deposit, code, filler, batch number.
    static let fixedLength = 41
    /// GB and QD records are exactly this long.
    static let goodOrDuplicateLength = 66
    /// RB records: 49 bytes before the error data, which is 17 (§5.25) or 32 (§4.113) characters.
    static let rejectedHeadLength = 49
    static let rejectedMaximumLength = 81

    /// Parses a framed response as received from the link (parity on every byte).
    public static func parse(wire bytes: [UInt8]) throws(ResponseError) -> HostResponse {
        guard !bytes.isEmpty else { throw ResponseError(.responsePacketEmpty, "response packet empty") }
        let block: DeframedBlock
        do {
            block = try BlockReader.readBlock(bytes)
        } catch {
            switch error.kind {
            case .empty: throw ResponseError(.responsePacketEmpty, "response packet empty")
            case .truncated: throw ResponseError(.responseTruncated, "response truncated: \(error)")
            case .lrcMismatch: throw ResponseError(.lrcCheckFailed, "LRC check failed: \(error)")
            case .missingStartOfText, .parityError, .unexpectedControlCharacter, .trailingData:
                throw ResponseError(.corruptResponse, "corrupt response: \(error)")
            }
        }
        guard block.terminator == .etx else { throw ResponseError(.corruptResponse, "response record must end with ETX") }
        return try parse(record: block.payload)
    }

    /// Parses the response record's text (parity removed, no framing).
    public static func parse(record: [UInt8]) throws(ResponseError) -> HostResponse {
        guard !record.isEmpty else { throw ResponseError(.responsePacketEmpty, "response packet empty") }
        guard record.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw ResponseError(.corruptResponse, "response record holds bytes that are not printable ASCII")
        }
        guard record.count >= fixedLength else {
            throw ResponseError(.truncatedResponse, "response record is \(record.count) bytes, shorter than its fixed \(fixedLength)")
        }
        let text = String(decoding: record, as: UTF8.self)
        func field(_ from: Int, _ length: Int) -> Substring {
            let start = text.utf8.index(text.startIndex, offsetBy: from - 1)
            return text[start..<text.utf8.index(start, offsetBy: length)]
        }
        guard field(1, 1) == "K", field(3, 3) == ".ZR", let app = field(2, 1).first else {
            throw ResponseError(.invalidResponse, "not a batch response record (expected K?.ZR, got '\(field(1, 5))')")
        }
        guard let count = Int(field(10, 9)), let net = Int64(field(19, 16)), let batchNumber = Int(field(39, 3)),
            field(10, 9).allSatisfy(\.isASCIIDigit), field(19, 16).allSatisfy(\.isASCIIDigit)
        else { throw ResponseError(.invalidResponse, "record count, net deposit or batch number is not numeric") }
        let raw = String(field(35, 2))
        var response = HostResponse(
            code: .goodBatch, rawCode: raw, applicationType: app, recordCount: count, netDeposit: net, batchNumber: batchNumber)
        switch raw {
        case "GB":
            try expectLength(record.count, goodOrDuplicateLength, raw)
            response.text = String(field(42, 9))
        case "QD", "DB":
            try expectLength(record.count, goodOrDuplicateLength, raw)
            response.code = .duplicateBatch
            response.originalTransmissionDate = String(field(42, 4))
        case "RB":
            response.code = .rejectedBatch
            response.rejection = try rejection(text, record.count, field)
        default:
            throw ResponseError(.invalidResponse, "unknown batch response code '\(raw)'")
        }
        return response
    }

    private static func rejection(_ text: String, _ length: Int, _ field: (Int, Int) -> Substring) throws(ResponseError) -> HostResponse.Rejection {
        guard length >= rejectedHeadLength, length <= rejectedMaximumLength else {
            throw ResponseError(.responseLengthMismatch, "RB record is \(length) bytes, expected \(rejectedHeadLength)-\(rejectedMaximumLength)")
        }
        guard let type = field(42, 1).first, let recordType = field(47, 1).first,
            let sequence = Int(field(43, 4)), let fieldNumber = Int(field(48, 2))
        else { throw ResponseError(.invalidResponse, "RB error sequence number or field number is not numeric") }
        // Error data runs to ETX: 17 or 32 characters depending on the spec edition.
        var data = String(field(50, length - rejectedHeadLength))
        while data.last == " " { data.removeLast() }
        if recordType == "D" && fieldNumber == 9 { data = CardNumber.mask(data) }
        return HostResponse.Rejection(errorType: type, sequenceNumber: sequence, recordType: recordType, fieldNumber: fieldNumber, data: data)
    }

    private static func expectLength(_ length: Int, _ expected: Int, _ code: String) throws(ResponseError) {
        if length != expected { throw ResponseError(.responseLengthMismatch, "\(code) record is \(length) bytes, expected \(expected)") }
    }
}
