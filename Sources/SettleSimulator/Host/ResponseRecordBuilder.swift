import SettleFraming
import SettleRecords

/// Writes the host's response record (EIS 1081 Tables 3.18–3.20) and frames it.
enum ResponseRecordBuilder {
    /// The record text: `K?.ZR@@@@`, count, net deposit, code, filler, batch number, then the
    /// code's own tail (GB text, QD original date, RB error fields).
    static func text(_ response: HostResponse, script: SimulatorScript) -> String {
        var text = "K\(response.applicationType).ZR@@@@"
        text += BatchJudge.pad(response.recordCount, 9) + BatchJudge.pad(response.netDeposit, 16)
        switch response.code {
        case .goodBatch:
            text += "GB00" + BatchJudge.pad(response.batchNumber, 3)
            text += fit(script.acceptedText, 9) + String(repeating: " ", count: 16)
        case .duplicateBatch:
            text += script.duplicateCode + "00" + BatchJudge.pad(response.batchNumber, 3)
            text += fit(response.originalTransmissionDate ?? "0000", 4) + String(repeating: " ", count: 21)
        case .rejectedBatch:
            let rejection = response.rejection
            text += "RB00" + BatchJudge.pad(response.batchNumber, 3)
            text += String(rejection?.errorType ?? "U") + BatchJudge.pad(rejection?.sequenceNumber ?? 0, 4)
            text += String(rejection?.recordType ?? "H") + BatchJudge.pad(rejection?.fieldNumber ?? 0, 2)
            text += fit(rejection?.data ?? "", script.errorDataLength)
        }
        return text
    }

    /// The framed record, parity applied; `corruptLRC` flips the LRC's low bit (parity kept).
    static func framed(_ response: HostResponse, script: SimulatorScript, corruptLRC: Bool) -> [UInt8] {
        var writer = BlockWriter(policy: BlockingPolicy(combineRecords: false))
        writer.append(record: Array(text(response, script: script).utf8))
        var bytes = writer.finish().bytes
        if corruptLRC { bytes[bytes.count - 1] = Parity.even(Parity.strip(bytes[bytes.count - 1]) ^ 0x01) }
        return bytes
    }

    /// Left-justified, space-filled or cut to `width`, printable ASCII only.
    static func fit(_ text: String, _ width: Int) -> String {
        let printable = text.unicodeScalars.map { $0.isASCII && $0.value >= 32 && $0.value < 127 ? Character($0) : "?" }
        let cut = String(printable.prefix(width))
        return cut + String(repeating: " ", count: width - cut.count)
    }
}
