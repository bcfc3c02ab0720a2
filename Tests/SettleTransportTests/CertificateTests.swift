import Foundation
import SettleLink
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTestSupport
import SettleTransport
import Testing

/// Certificate handling: refused by default, trusted only as configured.
@Suite(.serialized) struct CertificateTests {
    static let framed = try! BatchEncoder().encode(TLSSettlementTests.batch()).framed

    func connect(_ settings: TLSSettings, to server: SimulatorServer, host: String = "127.0.0.1") throws -> Result<Void, TransportError> {
        let context = try TLSContext(client: settings)
        do {
            let stream = try TLSStream.connect(host: host, port: server.port, context: context, before: .now + .seconds(5))
            stream.close()
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    func code(_ result: Result<Void, TransportError>) -> Int? {
        if case .failure(let error) = result { return error.code.rawValue }
        return nil
    }

    @Test func anUntrustedCertificateIsRefusedByDefault() throws {
        let server = try SimulatorServer(judge: TLSSettlementTests.judge)
        defer { server.stop() }
        #expect(code(try connect(TLSSettings(), to: server)) == 275)
    }

    @Test func aHostnameMismatchIsRefused() throws {
        let server = try SimulatorServer(judge: TLSSettlementTests.judge)
        defer { server.stop() }
        let settings = TLSSettings(caCertificatesPEM: server.certificatePEM, serverName: "ssl2.vitalps.net")
        #expect(code(try connect(settings, to: server)) == 275)
        #expect(code(try connect(TLSSettings(caCertificatesPEM: server.certificatePEM), to: server, host: "localhost")) == nil)
    }

    @Test func trustThroughACAFileWorks() throws {
        let server = try SimulatorServer(judge: TLSSettlementTests.judge)
        defer { server.stop() }
        let file = Scratch.url("simulator", suffix: ".pem")
        try #require(server.certificatePEM).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(code(try connect(TLSSettings(caFile: file.path), to: server)) == nil)
    }

    @Test func acceptingExactlyOneCertificateWorksAndRefusesAnother() throws {
        let server = try SimulatorServer(judge: TLSSettlementTests.judge)
        defer { server.stop() }
        #expect(code(try connect(TLSSettings(acceptedServerCertificatePEM: server.certificatePEM), to: server)) == nil)
        let other = try SelfSignedCertificate.generate()
        #expect(code(try connect(TLSSettings(acceptedServerCertificatePEM: other.certificatePEM), to: server)) == 280)
    }

    @Test func mutualTLSRequiresTheClientCertificate() throws {
        let serverIdentity = try SelfSignedCertificate.generate()
        let clientIdentity = try SelfSignedCertificate.generate(commonName: "terminal-1515", dnsNames: [], ipAddresses: [])
        let server = try SimulatorServer(
            tls: .identity(certificatePEM: serverIdentity.certificatePEM, keyPEM: serverIdentity.keyPEM, clientCA: clientIdentity.certificatePEM),
            judge: TLSSettlementTests.judge)
        defer { server.stop() }
        let withCertificate = TLSSettings(
            caCertificatesPEM: serverIdentity.certificatePEM, clientCertificatePEM: clientIdentity.certificatePEM,
            clientKeyPEM: clientIdentity.keyPEM)
        let context = try TLSContext(client: withCertificate)
        let result = try SocketSettlement(host: "127.0.0.1", port: server.port, tls: context).settle(Self.framed)
        if case .answered(let response, _) = result { #expect(response.code == .goodBatch) } else { Issue.record("expected GB, got \(result)") }
        // Without a client certificate the server ends the handshake (TLS 1.3 reports it on first use).
        let without = try TLSContext(client: TLSSettings(caCertificatesPEM: serverIdentity.certificatePEM))
        let refused = Result { try SocketSettlement(host: "127.0.0.1", port: server.port, tls: without).settle(Self.framed) }
        switch refused {
        case .success(.answered(_, _)): Issue.record("settled without a client certificate")
        default: break
        }
    }

    @Test func weakenedVerificationMustBeExplicit() throws {
        let server = try SimulatorServer(judge: TLSSettlementTests.judge)
        defer { server.stop() }
        #expect(code(try connect(TLSSettings(verifiesPeer: false), to: server)) == nil)
    }
}
