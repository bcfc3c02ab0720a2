import SettleFraming
import SettleModel
import SettleRecords

/// The terminal side of the settlement link protocol (spec §1.6, a reconstruction of EIS 1052),
/// as a state machine: bytes and timer expiries in, ``LinkAction``s out.
///
/// Wait for ENQ (EOT refuses the session); send each block and wait for ACK or BEL; resend a
/// NAKed block up to the retry limit; accept a response record in place of an acknowledgement
/// (an early RB or QD); after the last block wait through DC2s for the response; NAK an
/// unreadable response once; then ACK, EOT and close. A failure once the trailer block has
/// been sent is reported *in doubt*.
public struct LinkSession: Sendable {
    enum State: Sendable, Equatable {
        case idle
        case waitingForEnquiry
        case awaitingAcknowledgement(block: Int, retransmissions: Int)
        case awaitingResponse
        case receivingResponse
        case finished
    }

    public let settings: LinkSettings
    private let batch: FramedBatch
    private(set) var state: State = .idle
    private var response = BlockAccumulator()
    private var askedForResponseAgain = false
    /// Whether the last block (the trailer) has gone out at least once.
    public private(set) var trailerSent = false
    public private(set) var blocksAcknowledged = 0

    public init(batch: FramedBatch, settings: LinkSettings = LinkSettings()) {
        self.batch = batch
        self.settings = settings
    }

    /// The connection is open: wait for the host's ENQ.
    public mutating func connected() -> [LinkAction] {
        guard state == .idle else { return [] }
        state = .waitingForEnquiry
        return [.startTimer(.enquiry, settings.enquiryTimeout)]
    }

    /// Bytes arrived from the host.
    public mutating func received(_ bytes: some Sequence<UInt8>) -> [LinkAction] {
        var actions: [LinkAction] = []
        for byte in bytes {
            actions += receive(byte)
            if state == .finished { break }
        }
        return actions
    }

    private mutating func receive(_ byte: UInt8) -> [LinkAction] {
        if state == .receivingResponse { return collect(byte) }
        let value = Parity.strip(byte)
        switch (state, ControlCharacter(rawValue: value)) {
        case (.waitingForEnquiry, .enq?):
            return [.cancelTimer(.enquiry)] + send(block: 0, retransmissions: 0)
        case (.waitingForEnquiry, .eot?):
            return fail(.prematurelyDisconnected, "the host refused the session (EOT instead of ENQ)")
        case (.awaitingAcknowledgement(let block, _), .ack?), (.awaitingAcknowledgement(let block, _), .bel?):
            return acknowledged(block: block, with: value)
        case (.awaitingAcknowledgement(let block, let retransmissions), .nak?):
            guard retransmissions < settings.maximumRetransmissions else {
                return fail(.serverErrorResponse, "the host refused block \(block + 1) after \(retransmissions) retransmissions (NAK)")
            }
            return send(block: block, retransmissions: retransmissions + 1)
        case (.awaitingAcknowledgement(let block, _), .dc2?) where block == batch.blockCount - 1:
            // Processing began without an explicit acknowledgement of the trailer block.
            blocksAcknowledged += 1
            return awaitResponse()
        case (.awaitingAcknowledgement, .stx?), (.awaitingResponse, .stx?):
            state = .receivingResponse
            response.reset()
            return collect(byte)
        case (.awaitingAcknowledgement, .eot?):
            return fail(trailerSent ? .noResponse : .hostDisconnected, "the host ended the session (EOT) during transmission")
        case (.awaitingResponse, .dc2?):
            return [.startTimer(.response, settings.responseTimeout)]
        case (.awaitingResponse, .eot?):
            return fail(.noResponse, "the host ended the session (EOT) without a response")
        default:
            // Stray bytes (a late ACK, a repeated ENQ, line noise) are ignored; timers bound the wait.
            return []
        }
    }

    private mutating func acknowledged(block: Int, with value: UInt8) -> [LinkAction] {
        if settings.requireAlternatingAcknowledgements {
            let expected = block % 2 == 0 ? settings.firstAcknowledgement : (settings.firstAcknowledgement == .ack ? .bel : .ack)
            if value != expected.rawValue {
                return fail(.serverErrorResponse, "out-of-sequence acknowledgement for block \(block + 1)")
            }
        }
        blocksAcknowledged += 1
        let next = block + 1
        guard next < batch.blockCount else { return [.cancelTimer(.acknowledgement)] + awaitResponse() }
        return send(block: next, retransmissions: 0)
    }

    private mutating func send(block: Int, retransmissions: Int) -> [LinkAction] {
        state = .awaitingAcknowledgement(block: block, retransmissions: retransmissions)
        if block == batch.blockCount - 1 { trailerSent = true }
        return [.send(Array(batch.block(block))), .startTimer(.acknowledgement, settings.acknowledgementTimeout)]
    }

    private mutating func awaitResponse() -> [LinkAction] {
        let first = state != .awaitingResponse
        state = .awaitingResponse
        var actions: [LinkAction] = [.startTimer(.response, settings.responseTimeout)]
        if first { actions.append(.startTimer(.processingLimit, settings.processingLimit)) }
        return actions
    }

    /// Collects the response record and judges it when its LRC has arrived.
    private mutating func collect(_ byte: UInt8) -> [LinkAction] {
        guard response.append(byte) == true else { return [] }
        do {
            let parsed = try ResponseParser.parse(wire: response.bytes)
            // Before the trailer went out, only an RB or a QD may cut the batch short.
            if parsed.code == .goodBatch && !trailerSent {
                return fail(.responseBeforeTransmissionCompleted, "a good-batch response arrived before the trailer was sent")
            }
            state = .finished
            return [
                .cancelTimer(.acknowledgement), .cancelTimer(.response), .cancelTimer(.processingLimit),
                .send([ControlCharacter.ack.wireByte, ControlCharacter.eot.wireByte]), .close,
                .finish(.answered(parsed, early: !trailerSent)),
            ]
        } catch {
            // A damaged response is asked for once more (NAK), as the host emulator allows.
            if (error.code == .lrcCheckFailed || error.code == .corruptResponse) && !askedForResponseAgain {
                askedForResponseAgain = true
                response.reset()
                state = .awaitingResponse
                return [.send([ControlCharacter.nak.wireByte]), .startTimer(.response, settings.responseTimeout)]
            }
            return fail(error.code, error.message)
        }
    }

    /// A timer the session started has expired.
    public mutating func timerExpired(_ timer: LinkTimer) -> [LinkAction] {
        switch (state, timer) {
        case (.waitingForEnquiry, .enquiry):
            return fail(.timeout, "no ENQ from the host within \(settings.enquiryTimeout)")
        case (.awaitingAcknowledgement(let block, _), .acknowledgement):
            return fail(.timeout, "no acknowledgement of block \(block + 1) within \(settings.acknowledgementTimeout)")
        case (.awaitingResponse, .response), (.receivingResponse, .response):
            return fail(trailerSent ? .noResponse : .timeout, "no response within \(settings.responseTimeout)")
        case (.awaitingResponse, .processingLimit), (.receivingResponse, .processingLimit):
            return fail(.timeout, "the host kept processing beyond \(settings.processingLimit)")
        default:
            return []
        }
    }

    /// The host closed the connection.
    public mutating func disconnected() -> [LinkAction] {
        switch state {
        case .idle, .waitingForEnquiry:
            return fail(.prematurelyDisconnected, "the host disconnected before the session began (check the merchant number and bank id)")
        case .awaitingAcknowledgement:
            return fail(trailerSent ? .noResponse : .hostDisconnected, "the host disconnected during transmission")
        case .awaitingResponse:
            return fail(.noResponse, "the host disconnected without a response")
        case .receivingResponse:
            return fail(.responseTruncated, "the host disconnected in the middle of its response")
        case .finished:
            return []
        }
    }

    private mutating func fail(_ code: ErrorCode, _ message: String) -> [LinkAction] {
        state = .finished
        let failure = LinkFailure(code: code, message: message, inDoubt: trailerSent, blocksAcknowledged: blocksAcknowledged)
        return [
            .cancelTimer(.enquiry), .cancelTimer(.acknowledgement), .cancelTimer(.response), .cancelTimer(.processingLimit),
            .close, .finish(.failed(failure)),
        ]
    }
}
