import SettleLink
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTestSupport
import SettleTransport
import Synchronization
import Testing

/// Settlements through a real forwarding proxy on loopback (`FirewallType` and friends).
@Suite(.serialized) struct ProxyTests {
    static let framed = try! BatchEncoder().encode(TLSSettlementTests.batch()).framed

    func settle(through proxy: ProxySettings, on server: SimulatorServer, http: Bool = false, plain: Bool = false) throws -> LinkResult {
        if http {
            var post = HTTPPostSettlement(
                url: "https://localhost:\(server.port)/scripts/gateway.dll?transact", tls: TLSSettings(caCertificatesPEM: server.certificatePEM),
                connectionTimeout: .seconds(5))
            post.proxy = proxy
            return try post.settle(Self.framed)
        }
        let tls = plain ? nil : try TLSContext(client: TLSSettings(caCertificatesPEM: server.certificatePEM))
        return try SocketSettlement(host: "localhost", port: server.port, tls: tls, connectionTimeout: .seconds(5), proxy: proxy).settle(Self.framed)
    }

    func code(_ result: LinkResult) -> HostResponse.Code? {
        if case .answered(let response, _) = result { return response.code }
        return nil
    }

    @Test(arguments: ProxySettings.Kind.allCases, [false, true])
    func aBatchSettlesOverTLSThroughEachProxyKind(kind: ProxySettings.Kind, http: Bool) throws {
        let server = try SimulatorServer(service: http ? .httpPost : .socket, judge: TLSSettlementTests.judge)
        defer { server.stop() }
        let proxy = try TestProxy(kind)
        defer { proxy.stop() }
        #expect(code(try settle(through: ProxySettings(kind: kind, host: "127.0.0.1", port: proxy.port), on: server, http: http)) == .goodBatch)
        // SOCKS4 carries an address, the others the name (resolved by the proxy).
        #expect(proxy.targets.withLock { $0 } == [kind == .socks4 ? "127.0.0.1:\(server.port)" : "localhost:\(server.port)"])
    }

    @Test(arguments: [ProxySettings.Kind.httpTunnel, .socks5])
    func thePlainLinkSurvivesTheHostSpeakingFirst(kind: ProxySettings.Kind) throws {
        // The host sends ENQ as soon as the tunnel opens: the handshake must not swallow it.
        let server = try SimulatorServer(tls: .none, judge: TLSSettlementTests.judge)
        defer { server.stop() }
        let proxy = try TestProxy(kind)
        defer { proxy.stop() }
        #expect(code(try settle(through: ProxySettings(kind: kind, host: "127.0.0.1", port: proxy.port), on: server, plain: true)) == .goodBatch)
    }

    @Test(arguments: [ProxySettings.Kind.httpTunnel, .socks5])
    func credentialsAreSentAndWrongOnesRefusedWith10013(kind: ProxySettings.Kind) throws {
        let server = try SimulatorServer(judge: TLSSettlementTests.judge)
        defer { server.stop() }
        let proxy = try TestProxy(kind, credentials: ("ops", "pa55"))
        defer { proxy.stop() }
        let good = ProxySettings(kind: kind, host: "127.0.0.1", port: proxy.port, user: "ops", password: "pa55")
        #expect(code(try settle(through: good, on: server)) == .goodBatch)
        var wrong = good
        wrong.password = "nope"
        #expect(throws: TransportError.self) { try settle(through: wrong, on: server) }
        do {
            _ = try settle(through: wrong, on: server)
        } catch let error as TransportError {
            #expect(error.code == .accessDenied)
            #expect(!error.message.contains("nope"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func exceptionsGoDirect() throws {
        let server = try SimulatorServer(judge: TLSSettlementTests.judge)
        defer { server.stop() }
        // Nothing listens on port 9: a proxied connection would fail.
        let proxy = ProxySettings(kind: .socks5, host: "127.0.0.1", port: 9, exceptions: ["LOCALHOST"])
        #expect(code(try settle(through: proxy, on: server)) == .goodBatch)
        #expect(ProxySettings(kind: .socks5, host: "p").applies(to: "x"))
        #expect(ProxySettings(kind: .httpTunnel, host: "p").port == 80)
        #expect(ProxySettings(kind: .socks4a, host: "p").port == 1080)
    }
}
