import Foundation
import Glibc
import SettleLink
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTestSupport
import Testing

@testable import SettleTransport

/// The class reference's socket settings reach the kernel, and a batch still settles with them.
@Suite(.serialized) struct TCPOptionsTests {
    static let judge = BatchJudge(today: SampleBatches.july26)

    func connect(_ options: TCPOptions, to server: SimulatorServer) throws -> PlainStream {
        try PlainStream.connect(host: "127.0.0.1", port: server.port, before: .now + .seconds(5), options: options)
    }

    /// A port beyond 16 bits is a transport error, not a trap in the conversion (issue 10).
    @Test(arguments: [-1, 65536, Int.max, Int.min])
    func aListenerRefusesAPortBeyondSixteenBits(port: Int) {
        #expect(throws: TransportError.self) { try Listener(port: port) }
    }

    @Test func defaultsTurnNagleOffAndKeepAliveOff() throws {
        let server = try SimulatorServer(tls: .none, judge: Self.judge)
        defer { server.stop() }
        let stream = try connect(TCPOptions(), to: server)
        defer { stream.close() }
        #expect(stream.underlyingSocket.option(Int32(IPPROTO_TCP), TCP_NODELAY) == 1)
        #expect(stream.underlyingSocket.option(SOL_SOCKET, SO_KEEPALIVE) == 0)
    }

    @Test func keepAliveSetsProbeTimes() throws {
        let server = try SimulatorServer(tls: .none, judge: Self.judge)
        defer { server.stop() }
        let options = TCPOptions(noDelay: false, keepAlive: true, keepAliveTime: .seconds(30), keepAliveInterval: .seconds(5))
        let stream = try connect(options, to: server)
        defer { stream.close() }
        let socket = stream.underlyingSocket
        #expect(socket.option(Int32(IPPROTO_TCP), TCP_NODELAY) == 0)
        #expect(socket.option(SOL_SOCKET, SO_KEEPALIVE) == 1)
        #expect(socket.option(Int32(IPPROTO_TCP), TCP_KEEPIDLE) == 30)
        #expect(socket.option(Int32(IPPROTO_TCP), TCP_KEEPINTVL) == 5)
    }

    @Test func localPortIsBoundBeforeConnecting() throws {
        let server = try SimulatorServer(tls: .none, judge: Self.judge)
        defer { server.stop() }
        // Ask the kernel for a free port, then bind the client's local end to it.
        let probe = try Listener()
        let freePort = probe.port
        probe.close()
        let stream = try connect(TCPOptions(localHost: "127.0.0.1", localPort: freePort), to: server)
        defer { stream.close() }
        #expect(stream.underlyingSocket.localPort == freePort)
    }

    @Test func unusableLocalAddressIsATransportError() throws {
        let server = try SimulatorServer(tls: .none, judge: Self.judge)
        defer { server.stop() }
        // 192.0.2.1 (TEST-NET-1) is not an address of this machine, so bind fails with EADDRNOTAVAIL.
        #expect(throws: TransportError.self) { try connect(TCPOptions(localHost: "192.0.2.1"), to: server) }
    }

    @Test func batchSettlesWithKeepAliveAndLinger() throws {
        let server = try SimulatorServer(tls: .none, judge: Self.judge)
        defer { server.stop() }
        let batch = SampleBatches.batch(.retail, [SampleBatches.sale(amount: Amount(minorUnits: 1234), number: 1)])
        let encoded = try BatchEncoder().encode(batch)
        let settlement = SocketSettlement(
            host: "127.0.0.1", port: server.port, tls: nil, connectionTimeout: .seconds(5),
            options: TCPOptions(keepAlive: true, lingerSeconds: 5))
        let result = try settlement.settle(encoded.framed)
        guard case .answered(let response, _) = result else {
            Issue.record("no answer: \(result)")
            return
        }
        #expect(response.code == .goodBatch)
    }
}
