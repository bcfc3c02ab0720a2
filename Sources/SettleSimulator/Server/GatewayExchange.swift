import SettleFraming
import SettleModel
import SettleRecords

/// The HTTPS POST gateway's handling of one request body (spec §1.5): the whole framed batch
/// in, one response record (or a gateway error `NNN - text`) out.
struct GatewayExchange {
    let registry: DuplicateBatchRegistry
    let judge: BatchJudge
    let script: SimulatorScript

    /// The reply: content type and body.
    enum Reply: Equatable {
        case response([UInt8])
        case error(code: GatewayErrorNumber, text: String)
    }

    func handle(method: String, contentType: String?, body: [UInt8]) -> Reply {
        guard method == "POST" else { return .error(code: .notAPost, text: "Not a POST") }
        guard contentType?.lowercased() == "x-visa-ii/x-settle" else {
            return .error(code: .wrongContentType, text: "Content-Type must be x-Visa-II/x-auth or x-Visa-II/x-settle")
        }
        if let forced = script.gatewayError { return .error(code: forced.code, text: forced.text) }
        guard body.first == ControlCharacter.stx.wireByte else { return .error(code: .recordStartInvalid, text: "A record does not start with 0x82") }
        let blocks: [DeframedBlock]
        do {
            blocks = try BlockReader.readBatch(body)
        } catch {
            switch error.kind {
            case .lrcMismatch, .parityError: return .error(code: .recordLRCMissing, text: "A record is missing its LRC or it is wrong")
            default: return .error(code: .recordEndInvalid, text: "A record does not end with ETX/ETB")
            }
        }
        var records: [[UInt8]] = []
        for block in blocks {
            guard let split = try? RecordSplitter.records(in: block.payload, profile: judge.profile) else {
                return .error(code: .packetFormattedImproperly, text: "Packet formatted improperly")
            }
            records += split
        }
        // The SSL gateway carries single batches of application type 1 only (error 514).
        if records.contains(where: { $0.count > 1 && $0[1] != UInt8(ascii: "1") }) {
            return .error(code: .notApplicationTypeOne, text: "A record is not application type 1")
        }
        var session = HostSession(script: script, registry: registry, judge: judge)
        let response = session.verdict(forCompleteBatch: records, blockCount: blocks.count)
        return .response(ResponseRecordBuilder.framed(response, script: script, corruptLRC: script.corruptResponses > 0))
    }
}
