import Foundation
import SettleFraming
import SettleLink
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTestSupport
import SettleTransport
import Synchronization
import Testing

/// Real OpenSSL TLS over loopback against the simulator.
@Suite(.serialized) struct TLSSettlementTests {
    static let judge = BatchJudge(today: SampleBatches.july26)

    static func batch(combine: Bool = true) -> Batch {
        var batch = SampleBatches.batch(.retail, (1...5).map { SampleBatches.sale(amount: Amount(minorUnits: Int64(700 * $0)), number: $0) })
        batch.settings.combineRecords = combine
        return batch
    }

    func settle(
        _ framed: FramedBatch, on server: SimulatorServer, tls: TLSSettings? = nil, link: LinkSettings = LinkSettings()
    ) throws -> LinkResult {
        let settings = tls ?? TLSSettings(caCertificatesPEM: server.certificatePEM)
        let context = try TLSContext(client: settings)
        return try SocketSettlement(host: "127.0.0.1", port: server.port, tls: context, link: link, connectionTimeout: .seconds(5)).settle(framed)
    }

    func response(_ result: LinkResult) -> HostResponse? {
        if case .answered(let response, _) = result { return response }
        return nil
    }

    @Test(arguments: [true, false])
    func goodBatchOverTLS(combine: Bool) throws {
        let server = try SimulatorServer(judge: Self.judge)
        defer { server.stop() }
        let encoded = try BatchEncoder().encode(Self.batch(combine: combine))
        let answer = try #require(response(try settle(encoded.framed, on: server)))
        #expect(answer.code == .goodBatch)
        #expect(answer.recordCount == encoded.totals.recordCount)
        #expect(answer.netDeposit == encoded.totals.netDeposit)
        server.waitUntilIdle()
        #expect(server.transcripts.first?.blocks.count == encoded.framed.blockCount)
        #expect(server.transcripts.first?.clientAcknowledgedResponse == true)
    }

    /// Clients that connect and never shake hands (a probe, a stalled peer) hold up no one:
    /// each handshake has a thread of its own, not the accept loop (where the simulator used to
    /// spend up to ten seconds on each, and bursts of settlements overflowed its listen queue).
    @Test func silentClientsDoNotHoldUpASettlement() throws {
        let server = try SimulatorServer(judge: Self.judge)
        defer { server.stop() }
        let silent = try (0..<3).map { _ in try PlainStream.connect(host: "127.0.0.1", port: server.port, before: .now + .seconds(2)) }
        defer { silent.forEach { $0.close() } }
        let framed = try BatchEncoder().encode(Self.batch()).framed
        let context = try TLSContext(client: TLSSettings(caCertificatesPEM: server.certificatePEM))
        let result = try SocketSettlement(host: "127.0.0.1", port: server.port, tls: context, link: LinkSettings(), connectionTimeout: .seconds(2))
            .settle(framed)
        #expect(response(result)?.code == .goodBatch)
    }

    @Test func repeatedBatchIsADuplicateOverTLS() throws {
        let server = try SimulatorServer(judge: Self.judge)
        defer { server.stop() }
        let framed = try BatchEncoder().encode(Self.batch()).framed
        #expect(response(try settle(framed, on: server))?.code == .goodBatch)
        #expect(response(try settle(framed, on: server))?.code == .duplicateBatch)
    }

    @Test func ipv6LoopbackSettles() throws {
        let server = try SimulatorServer(ipv6: true, judge: Self.judge)
        defer { server.stop() }
        let context = try TLSContext(client: TLSSettings(caCertificatesPEM: server.certificatePEM))
        let framed = try BatchEncoder().encode(Self.batch()).framed
        let result = try SocketSettlement(host: "::1", port: server.port, tls: context, preferIPv6: true).settle(framed)
        #expect(response(result)?.code == .goodBatch)
    }

    @Test func plainTCPModeSettlesToo() throws {
        let server = try SimulatorServer(tls: .none, judge: Self.judge)
        defer { server.stop() }
        let framed = try BatchEncoder().encode(Self.batch()).framed
        let result = try SocketSettlement(host: "127.0.0.1", port: server.port, tls: nil).settle(framed)
        #expect(response(result)?.code == .goodBatch)
    }

    @Test func aFaultScriptEndsTheSameWayOverTLS() throws {
        var script = SimulatorScript()
        script.disconnectAfterBlocks = 1
        let server = try SimulatorServer(script: script, judge: Self.judge)
        defer { server.stop() }
        guard case .failed(let failure) = try settle(try BatchEncoder().encode(Self.batch()).framed, on: server) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.code == .hostDisconnected)
        #expect(!failure.inDoubt)
    }

    @Test func interruptStopsASlowSettlementInDoubt() throws {
        var script = SimulatorScript()
        script.processingDelay = .seconds(60)
        script.processingInterval = .seconds(1)
        let server = try SimulatorServer(script: script, judge: Self.judge)
        defer { server.stop() }
        let context = try TLSContext(client: TLSSettings(caCertificatesPEM: server.certificatePEM))
        let interrupt = LinkInterrupt()
        let framed = try BatchEncoder().encode(Self.batch()).framed
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { interrupt.interrupt() }
        let started = ContinuousClock.now
        let result = try SocketSettlement(host: "127.0.0.1", port: server.port, tls: context).settle(framed, interrupt: interrupt)
        guard case .failed(let failure) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.inDoubt)
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test(arguments: [false, true])
    func weakenedVerificationIsAnnounced(pinned: Bool) throws {
        let server = try SimulatorServer(judge: Self.judge)
        defer { server.stop() }
        let settings =
            pinned
            ? TLSSettings(acceptedServerCertificatePEM: server.certificatePEM)
            : TLSSettings(verifiesPeer: false)
        let events = Mutex<[LinkEvent]>([])
        let settlement = SocketSettlement(host: "127.0.0.1", port: server.port, tls: try TLSContext(client: settings))
        let result = try settlement.settle(try BatchEncoder().encode(Self.batch()).framed) { event in events.withLock { $0.append(event) } }
        #expect(response(result)?.code == .goodBatch)
        let warnings = events.withLock { $0 }.compactMap { event -> String? in
            if case .warning(let text) = event { return text }
            return nil
        }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains(pinned ? "only the configured certificate" : "verification is turned off") == true)
    }

    @Test func verifiedConnectionHasNoWarning() throws {
        let server = try SimulatorServer(judge: Self.judge)
        defer { server.stop() }
        let events = Mutex<[LinkEvent]>([])
        let context = try TLSContext(client: TLSSettings(caCertificatesPEM: server.certificatePEM))
        let settlement = SocketSettlement(host: "127.0.0.1", port: server.port, tls: context)
        _ = try settlement.settle(try BatchEncoder().encode(Self.batch()).framed) { event in events.withLock { $0.append(event) } }
        #expect(!events.withLock { $0 }.contains { if case .warning = $0 { true } else { false } })
        #expect(events.withLock { $0 }.contains { if case .connected = $0 { true } else { false } })
    }
}
