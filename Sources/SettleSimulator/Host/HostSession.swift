import SettleFraming
import SettleModel
import SettleRecords

/// The host side of one settlement session, as a state machine: what the TSYS host does, and
/// what it does wrong when the ``SimulatorScript`` asks.
///
/// ENQ on connect; each block checked (parity, LRC) and acknowledged ACK/BEL alternately or
/// NAKed; `QD` right after the header for a batch number accepted in the last five days; after
/// the last block, DC2 while "processing", then the verdict of ``BatchJudge``; a NAKed response
/// is sent once more; the client's ACK or EOT ends the session.
public struct HostSession: Sendable {
    enum State: Sendable, Equatable {
        case idle
        case receiving
        case processing
        case responded
        case closed
    }

    public let script: SimulatorScript
    private let registry: DuplicateBatchRegistry
    private let judge: BatchJudge
    private(set) var state: State = .idle
    private var block = BlockAccumulator()
    private var records: [[UInt8]] = []
    private var transmissions = 0
    private var blocksAccepted = 0
    private var acknowledgements = 0
    private var processingTime: Duration = .zero
    private var response: HostResponse?
    private var responsesSent = 0
    private var resentAfterNAK = false
    public private(set) var transcript = HostTranscript()

    public init(script: SimulatorScript = .standard, registry: DuplicateBatchRegistry, judge: BatchJudge) {
        self.script = script
        self.registry = registry
        self.judge = judge
    }

    /// A client connected.
    public mutating func connected() -> [HostAction] {
        guard state == .idle else { return [] }
        state = .receiving
        if script.refusesSession { return close(after: [.send([ControlCharacter.eot.wireByte])]) }
        return script.sendsEnquiry ? [.send([ControlCharacter.enq.wireByte])] : []
    }

    /// Bytes arrived from the client.
    public mutating func received(_ bytes: some Sequence<UInt8>) -> [HostAction] {
        var actions: [HostAction] = []
        for byte in bytes where state != .closed {
            switch state {
            case .receiving:
                if block.append(byte) == true {
                    actions += blockArrived(block.bytes)
                    block.reset()
                }
            case .responded:
                actions += afterResponse(Parity.strip(byte))
            default:
                break
            }
        }
        return actions
    }

    /// The client disconnected.
    public mutating func disconnected() -> [HostAction] {
        state = .closed
        return []
    }

    /// A timer the session started has expired.
    public mutating func timerExpired(_ timer: HostTimer) -> [HostAction] {
        guard state == .processing, timer == .processingTick else { return [] }
        processingTime += script.processingInterval
        if processingTime < script.processingDelay {
            return [.send([ControlCharacter.dc2.wireByte]), .startTimer(.processingTick, script.processingInterval)]
        }
        return respond(finalVerdict())
    }

    private mutating func blockArrived(_ wire: [UInt8]) -> [HostAction] {
        transmissions += 1
        guard transmissions > script.nakTransmissions, let deframed = try? BlockReader.readBlock(wire) else {
            if transmissions > script.nakTransmissions { transcript.damagedBlocks += 1 }
            return [.send([ControlCharacter.nak.wireByte])]
        }
        blocksAccepted += 1
        transcript.blocks.append(String(decoding: PacketMasker.maskedPayload(deframed.payload, profile: judge.profile), as: UTF8.self))
        if let limit = script.disconnectAfterBlocks, blocksAccepted >= limit { return close(after: []) }
        do {
            records += try RecordSplitter.records(in: deframed.payload, profile: judge.profile)
        } catch {
            let recordType = records.count == 0 ? "H" : "D" as Character
            return respond(judge.rejection(records, "E", records.count + 1, recordType, error.fieldNumber, error.data))
        }
        if blocksAccepted == 1, let duplicate = duplicateOfHeader() { return respond(duplicate) }
        if script.earlyRejectionAtBlock == blocksAccepted {
            return respond(judge.rejection(records, "E", records.count, "D", 5, "EARLY REJECTION BY SCRIPT"))
        }
        guard deframed.isFinal else { return [acknowledge()] }
        state = .processing
        var actions: [HostAction] = script.acknowledgesTrailer ? [acknowledge()] : []
        if script.processingDelay > .zero {
            actions += [.send([ControlCharacter.dc2.wireByte]), .startTimer(.processingTick, script.processingInterval)]
            return actions
        }
        return actions + respond(finalVerdict())
    }

    /// The answer to a batch that arrived whole (the HTTP gateway): `QD` for a recent duplicate,
    /// otherwise the judge's verdict.
    mutating func verdict(forCompleteBatch batch: [[UInt8]], blockCount: Int) -> HostResponse {
        records = batch
        blocksAccepted = blockCount
        let response = duplicateOfHeader() ?? finalVerdict()
        transcript.responses.append(response)
        return response
    }

    /// `QD` when this merchant, terminal and batch number were accepted in the last five days.
    private func duplicateOfHeader() -> HostResponse? {
        guard let header = records.first, let batch = try? BatchDecoder(profile: judge.profile, referenceDate: judge.today).header(header)
        else { return nil }
        guard let original = registry.acceptedRecently(Self.key(batch), on: batch.transmissionDate) else { return nil }
        return HostResponse(
            code: .duplicateBatch, rawCode: script.duplicateCode, applicationType: Character(UnicodeScalar(header[1])),
            recordCount: records.count, netDeposit: 0, batchNumber: batch.batchNumber,
            originalTransmissionDate: BatchJudge.pad(original.month * 100 + original.day, 4))
    }

    private mutating func finalVerdict() -> HostResponse {
        let (verdict, decoded) = judge.judge(records: records, blockCount: blocksAccepted)
        if verdict.code == .goodBatch, let batch = decoded?.batch {
            registry.accept(Self.key(batch), on: batch.transmissionDate)
        }
        return verdict
    }

    private mutating func acknowledge() -> HostAction {
        let first = script.firstAcknowledgement
        let other: ControlCharacter = first == .ack ? .bel : .ack
        let character = script.alternatesAcknowledgements && acknowledgements % 2 == 1 ? other : first
        acknowledgements += 1
        return .send([character.wireByte])
    }

    private mutating func respond(_ verdict: HostResponse) -> [HostAction] {
        response = verdict
        state = .responded
        return sendResponse()
    }

    private mutating func sendResponse() -> [HostAction] {
        guard let response else { return [] }
        let corrupt = responsesSent < script.corruptResponses
        responsesSent += 1
        transcript.responses.append(response)
        let bytes = ResponseRecordBuilder.framed(response, script: script, corruptLRC: corrupt)
        if script.truncatesResponse { return close(after: [.send(Array(bytes.prefix(bytes.count / 2)))]) }
        return [.send(bytes)]
    }

    /// After the response: ACK or EOT ends the session; one NAK gets the response again.
    private mutating func afterResponse(_ value: UInt8) -> [HostAction] {
        switch ControlCharacter(rawValue: value) {
        case .ack?, .eot?:
            transcript.clientAcknowledgedResponse = true
            return close(after: [])
        case .nak? where !resentAfterNAK:
            resentAfterNAK = true
            return sendResponse()
        case .nak?:
            return close(after: [])
        default:
            return []
        }
    }

    private mutating func close(after actions: [HostAction]) -> [HostAction] {
        state = .closed
        return actions + [.close]
    }

    static func key(_ batch: Batch) -> DuplicateBatchRegistry.Key {
        DuplicateBatchRegistry.Key(
            merchantNumber: batch.merchant.number, terminalNumber: batch.merchant.terminalNumber, batchNumber: batch.batchNumber)
    }
}
