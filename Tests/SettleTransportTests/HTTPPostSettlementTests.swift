import Foundation
import SettleFraming
import SettleLink
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTestSupport
import Testing

@testable import SettleTransport

/// Real libcurl POSTs over TLS to the simulator's gateway endpoint.
@Suite(.serialized) struct HTTPPostSettlementTests {
    func gateway(_ script: SimulatorScript = .standard) throws -> SimulatorServer {
        try SimulatorServer(script: script, service: .httpPost, judge: TLSSettlementTests.judge)
    }

    func post(_ framed: FramedBatch, to server: SimulatorServer, tls: TLSSettings? = nil) throws -> LinkResult {
        let url = "https://127.0.0.1:\(server.port)/scripts/gateway.dll?transact"
        return try HTTPPostSettlement(url: url, tls: tls ?? TLSSettings(caCertificatesPEM: server.certificatePEM), connectionTimeout: .seconds(5))
            .settle(framed)
    }

    func response(_ result: LinkResult) -> HostResponse? {
        if case .answered(let response, _) = result { return response }
        return nil
    }

    @Test(arguments: [true, false])
    func goodBatchOverHTTPPost(combine: Bool) throws {
        let server = try gateway()
        defer { server.stop() }
        let encoded = try BatchEncoder().encode(TLSSettlementTests.batch(combine: combine))
        let answer = try #require(response(try post(encoded.framed, to: server)))
        #expect(answer.code == .goodBatch)
        #expect(answer.recordCount == encoded.totals.recordCount)
        #expect(answer.netDeposit == encoded.totals.netDeposit)
    }

    @Test func repeatedBatchIsADuplicateOverHTTPPost() throws {
        let server = try gateway()
        defer { server.stop() }
        let framed = try BatchEncoder().encode(TLSSettlementTests.batch()).framed
        #expect(response(try post(framed, to: server))?.code == .goodBatch)
        #expect(response(try post(framed, to: server))?.code == .duplicateBatch)
    }

    @Test func wrongTotalsAreRejectedOverHTTPPost() throws {
        let server = try gateway()
        defer { server.stop() }
        let batch = TLSSettlementTests.batch()
        var wrong = BatchTotals(details: batch.detailRecords)
        wrong.netDeposit += 1
        let rejection = try #require(
            response(try post(try BatchEncoder().encodeValidated(batch, totalsOverride: wrong).framed, to: server))?.rejection)
        #expect(rejection.recordType == "T")
        #expect(rejection.fieldNumber == 11)
    }

    @Test func aGatewayErrorIsSurfacedWithItsNumber() throws {
        var script = SimulatorScript()
        script.gatewayError = GatewayError(code: .cannotReachHost, text: "Gateway cannot reach host")
        let server = try gateway(script)
        defer { server.stop() }
        guard case .failed(let failure) = try post(try BatchEncoder().encode(TLSSettlementTests.batch()).framed, to: server) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.message == "gateway error 503 - Gateway cannot reach host")
        #expect(!failure.inDoubt)
    }

    @Test func levelThreeBatchesAreRefusedByTheGateway() throws {
        let server = try gateway()
        defer { server.stop() }
        var sale = SampleBatches.sale(amount: 5300)
        sale.level3 = Level3(cardType: .visa, lineItems: [LineItem(description: "A", total: 5300)])
        guard case .failed(let failure) = try post(try BatchEncoder().encode(SampleBatches.batch(.retail, [sale])).framed, to: server) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.message.hasPrefix("gateway error 514"))
    }

    @Test func anUntrustedGatewayIsRefused() throws {
        let server = try gateway()
        defer { server.stop() }
        #expect(throws: TransportError.self) {
            try post(try BatchEncoder().encode(TLSSettlementTests.batch()).framed, to: server, tls: TLSSettings())
        }
    }

    @Test func batchesOver2MBAreRefusedBeforeSending() throws {
        let big = FramedBatch(bytes: [UInt8](repeating: 0x30, count: HTTPPostSettlement.maximumBodyBytes + 1), blockRanges: [])
        #expect {
            try HTTPPostSettlement(url: "https://127.0.0.1:9/").settle(big)
        } throws: { ($0 as? TransportError)?.code == .missingOrErroneousValue }
    }

    @Test func interruptAbortsASlowGatewayInDoubt() throws {
        var script = SimulatorScript()
        script.processingDelay = .seconds(60)
        let server = try gateway(script)
        defer { server.stop() }
        let interrupt = LinkInterrupt()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { interrupt.interrupt() }
        let started = ContinuousClock.now
        let url = "https://127.0.0.1:\(server.port)/scripts/gateway.dll?transact"
        let result = try HTTPPostSettlement(url: url, tls: TLSSettings(caCertificatesPEM: server.certificatePEM))
            .settle(try BatchEncoder().encode(TLSSettlementTests.batch()).framed, interrupt: interrupt)
        guard case .failed(let failure) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(failure.message == "interrupted")
        // The whole batch had been posted: the gateway may have captured it.
        #expect(failure.inDoubt)
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func anUninterruptedPostWithAnInterruptHandleSettles() throws {
        let server = try gateway()
        defer { server.stop() }
        let url = "https://127.0.0.1:\(server.port)/scripts/gateway.dll?transact"
        let result = try HTTPPostSettlement(url: url, tls: TLSSettings(caCertificatesPEM: server.certificatePEM))
            .settle(try BatchEncoder().encode(TLSSettlementTests.batch()).framed, interrupt: LinkInterrupt())
        guard case .answered(let response, _) = result else {
            Issue.record("expected an answer, got \(result)")
            return
        }
        #expect(response.code == .goodBatch)
    }

    /// A gateway error that may have followed the batch to the host is in doubt; one the gateway
    /// is not known to send, or a body that names none, is read as in doubt too (never resent).
    @Test func gatewayErrorsThatMayHaveCapturedTheBatchAreInDoubt() {
        for (body, inDoubt) in [
            ("500 - lost host", true), ("508 - no response", true), ("503 - cannot reach host", false),
            ("514 - not type 1", false), ("599 - something new", true), ("<html>proxy error</html>", true),
        ] {
            let text = GatewayErrorText(Array(body.utf8))
            #expect(text.inDoubt == inDoubt, "\(body)")
            #expect(text.failure.code == .serverErrorResponse)
        }
    }
}
