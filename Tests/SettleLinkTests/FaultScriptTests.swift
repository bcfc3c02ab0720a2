import SettleFraming
import SettleLink
import SettleModel
import SettleRecords
import SettleSimulator
import Testing

/// Every fault the simulator can inject ends in its defined outcome and code, in doubt only
/// when the trailer block had been sent.
@Suite struct FaultScriptTests {
    static let framed = try! BatchEncoder().encode(LinkFixtures.batch()).framed

    func run(_ configure: (inout SimulatorScript) -> Void, settings: LinkSettings = LinkSettings()) -> (LinkResult?, InMemoryExchange) {
        var script = SimulatorScript()
        configure(&script)
        var exchange = LinkFixtures.exchange(Self.framed, script: script, settings: settings)
        return (exchange.run(), exchange)
    }

    func failure(_ result: LinkResult?) -> LinkFailure? {
        if case .failed(let failure) = result { return failure }
        return nil
    }

    func code(_ result: LinkResult?) -> HostResponse.Code? {
        if case .answered(let response, _) = result { return response.code }
        return nil
    }

    @Test func naksWithinTheRetryLimitAreRetransmitted() {
        let (result, exchange) = run { $0.nakTransmissions = 3 }
        #expect(code(result) == .goodBatch)
        #expect(exchange.packetsOut.count == Self.framed.blockCount + 3 + 1)
    }

    @Test func naksBeyondTheRetryLimitFailBeforeAnythingIsCaptured() {
        let failure = failure(run { $0.nakTransmissions = 4 }.0)
        #expect(failure?.code == .serverErrorResponse)
        #expect(failure?.inDoubt == false)
    }

    @Test func theRetryLimitIsASetting() {
        let (result, _) = run({ $0.nakTransmissions = 4 }, settings: LinkSettings(maximumRetransmissions: 5))
        #expect(code(result) == .goodBatch)
    }

    @Test func disconnectDuringTransmissionIsNotInDoubt() {
        let failure = failure(run { $0.disconnectAfterBlocks = 2 }.0)
        #expect(failure?.code == .hostDisconnected)
        #expect(failure?.inDoubt == false)
        #expect(failure?.blocksAcknowledged == 1)
    }

    @Test func disconnectAfterTheTrailerIsInDoubt() {
        let failure = failure(run { $0.disconnectAfterBlocks = Self.framed.blockCount }.0)
        #expect(failure?.code == .noResponse)
        #expect(failure?.inDoubt == true)
    }

    @Test func noEnquiryTimesOut() {
        let (result, exchange) = run { $0.sendsEnquiry = false }
        #expect(failure(result)?.code == .timeout)
        #expect(failure(result)?.inDoubt == false)
        #expect(exchange.now == .seconds(15))
        #expect(exchange.packetsOut.isEmpty)
    }

    @Test func eotInsteadOfEnquiryIsARefusal() {
        let failure = failure(run { $0.refusesSession = true }.0)
        #expect(failure?.code == .prematurelyDisconnected)
        #expect(failure?.inDoubt == false)
    }

    @Test func slowProcessingWithDC2sIsWaitedFor() {
        let (result, exchange) = run {
            $0.processingDelay = .seconds(90)
            $0.processingInterval = .seconds(10)
        }
        #expect(code(result) == .goodBatch)
        #expect(exchange.now == .seconds(90))
    }

    @Test func processingBeyondTheLimitIsInDoubt() {
        let (result, exchange) = run {
            $0.processingDelay = .seconds(600)
            $0.processingInterval = .seconds(10)
        }
        #expect(failure(result)?.code == .timeout)
        #expect(failure(result)?.inDoubt == true)
        #expect(exchange.now == .seconds(120))
    }

    @Test func silenceAfterTheTrailerIsNoResponseInDoubt() {
        let (result, exchange) = run {
            $0.processingDelay = .seconds(100)
            $0.processingInterval = .seconds(50)  // longer than the client's 30 s response timeout
        }
        #expect(failure(result)?.code == .noResponse)
        #expect(failure(result)?.inDoubt == true)
        #expect(exchange.now == .seconds(30))
    }

    @Test func aCorruptResponseIsAskedForOnceMore() {
        let (result, exchange) = run { $0.corruptResponses = 1 }
        #expect(code(result) == .goodBatch)
        #expect(exchange.host.transcript.responses.count == 2)
        #expect(exchange.packetsOut.contains([ControlCharacter.nak.wireByte]))
    }

    @Test func aResponseCorruptTwiceIsAnLRCFailureInDoubt() {
        let failure = failure(run { $0.corruptResponses = 2 }.0)
        #expect(failure?.code == .lrcCheckFailed)
        #expect(failure?.inDoubt == true)
    }

    @Test func aTruncatedResponseIsInDoubt() {
        let failure = failure(run { $0.truncatesResponse = true }.0)
        #expect(failure?.code == .responseTruncated)
        #expect(failure?.inDoubt == true)
    }

    @Test func anEarlyRejectionEndsTheBatchBeforeTheTrailer() throws {
        let (result, exchange) = run { $0.earlyRejectionAtBlock = 2 }
        guard case .answered(let response, let early) = result else { return #expect(Bool(false), "expected an answer") }
        #expect(response.code == .rejectedBatch)
        #expect(early)
        #expect(exchange.host.transcript.blocks.count == 2)
        #expect(!exchange.client.trailerSent)
    }

    @Test func alternatingAcknowledgementsCanBeRequired() {
        let strict = LinkSettings(requireAlternatingAcknowledgements: true)
        #expect(code(run({ _ in }, settings: strict).0) == .goodBatch)
        let (result, _) = run({ $0.alternatesAcknowledgements = false }, settings: strict)
        #expect(failure(result)?.code == .serverErrorResponse)
        #expect(code(run({ $0.alternatesAcknowledgements = false }).0) == .goodBatch)  // lenient by default
        let belFirst = LinkSettings(requireAlternatingAcknowledgements: true, firstAcknowledgement: .bel)
        #expect(code(run({ $0.firstAcknowledgement = .bel }, settings: belFirst).0) == .goodBatch)
    }

    @Test func aResponseWithoutATrailerAcknowledgementIsAccepted() {
        #expect(code(run { $0.acknowledgesTrailer = false }.0) == .goodBatch)
    }

    @Test func eitherAcceptedTextIsGood() {
        #expect(code(run { $0.acceptedText = " ACCEPTED" }.0) == .goodBatch)
    }
}
