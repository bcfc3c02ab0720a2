import SettleFraming
import SettleLink
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTestSupport
import SettleTransport
import Testing

/// Every simulator fault script over real TLS on loopback ends in its defined outcome and code,
/// in doubt only once the trailer was sent. Timers are shortened so waits take milliseconds.
@Suite(.serialized) struct FaultScriptTLSTests {
    enum Fault: String, CaseIterable, Sendable {
        case naksWithinLimit, naksBeyondLimit, disconnectMidBatch, disconnectAfterTrailer, noEnquiry, eotInsteadOfEnquiry
        case slowWithDC2s, processingBeyondLimit, silenceAfterTrailer, corruptOnce, corruptTwice, truncatedResponse, earlyRejection

        func configure(_ script: inout SimulatorScript, blocks: Int) {
            switch self {
            case .naksWithinLimit: script.nakTransmissions = 3
            case .naksBeyondLimit: script.nakTransmissions = 4
            case .disconnectMidBatch: script.disconnectAfterBlocks = 2
            case .disconnectAfterTrailer: script.disconnectAfterBlocks = blocks
            case .noEnquiry: script.sendsEnquiry = false
            case .eotInsteadOfEnquiry: script.refusesSession = true
            case .slowWithDC2s: (script.processingDelay, script.processingInterval) = (.milliseconds(400), .milliseconds(100))
            case .processingBeyondLimit: (script.processingDelay, script.processingInterval) = (.seconds(30), .milliseconds(100))
            case .silenceAfterTrailer: (script.processingDelay, script.processingInterval) = (.seconds(30), .seconds(20))
            case .corruptOnce: script.corruptResponses = 1
            case .corruptTwice: script.corruptResponses = 2
            case .truncatedResponse: script.truncatesResponse = true
            case .earlyRejection: script.earlyRejectionAtBlock = 2
            }
        }

        /// The expected end: a response code, or a failure code and whether it is in doubt.
        var expected: (answer: HostResponse.Code?, failure: ErrorCode?, inDoubt: Bool) {
            switch self {
            case .naksWithinLimit, .slowWithDC2s, .corruptOnce: (.goodBatch, nil, false)
            case .earlyRejection: (.rejectedBatch, nil, false)
            case .naksBeyondLimit: (nil, .serverErrorResponse, false)
            case .disconnectMidBatch: (nil, .hostDisconnected, false)
            case .disconnectAfterTrailer, .silenceAfterTrailer: (nil, .noResponse, true)
            case .noEnquiry: (nil, .timeout, false)
            case .eotInsteadOfEnquiry: (nil, .prematurelyDisconnected, false)
            case .processingBeyondLimit: (nil, .timeout, true)
            case .corruptTwice: (nil, .lrcCheckFailed, true)
            case .truncatedResponse: (nil, .responseTruncated, true)
            }
        }
    }

    static let link = LinkSettings(
        enquiryTimeout: .milliseconds(300), acknowledgementTimeout: .seconds(5), responseTimeout: .milliseconds(300),
        processingLimit: .milliseconds(600))

    @Test(arguments: Fault.allCases)
    func faultEndsInItsDefinedOutcome(fault: Fault) throws {
        let encoded = try BatchEncoder().encode(TLSSettlementTests.batch(combine: false))
        var script = SimulatorScript()
        fault.configure(&script, blocks: encoded.framed.blockCount)
        let server = try SimulatorServer(script: script, judge: TLSSettlementTests.judge)
        defer { server.stop() }
        let context = try TLSContext(client: TLSSettings(caCertificatesPEM: server.certificatePEM))
        let result = try SocketSettlement(host: "127.0.0.1", port: server.port, tls: context, link: Self.link, connectionTimeout: .seconds(5))
            .settle(encoded.framed)
        let expected = fault.expected
        switch result {
        case .answered(let response, _):
            #expect(response.code == expected.answer, "\(fault): answered \(response.code)")
        case .failed(let failure):
            #expect(failure.code == expected.failure, "\(fault): failed \(failure.code) \(failure.message)")
            #expect(failure.inDoubt == expected.inDoubt, "\(fault)")
        }
    }
}
