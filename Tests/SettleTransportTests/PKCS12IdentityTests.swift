import COpenSSL
import SettleLink
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTestSupport
import Testing

@testable import SettleTransport

/// Client certificates from a PKCS#12 (PFX) store authenticate to a mutual-TLS host.
@Suite(.serialized) struct PKCS12IdentityTests {
    /// Exports a generated identity as PKCS#12, as an operator's PFX file would hold it.
    static func pkcs12(_ identity: SelfSignedCertificate, password: String) throws -> [UInt8] {
        let certificate = try #require(try PEM.certificates(identity.certificatePEM).first)
        defer { X509_free(certificate) }
        let key = try PEM.privateKey(identity.keyPEM)
        defer { EVP_PKEY_free(key) }
        // Called outside #require: the macro would capture the C-string arguments as dangling pointers.
        let created = PKCS12_create(password, "terminal", key, certificate, nil, 0, 0, 0, 0, 0)
        if created == nil { Issue.record("PKCS12_create: \(TLSContext.lastOpenSSLError() ?? "?")") }
        let store = try #require(created)
        defer { PKCS12_free(store) }
        var output: UnsafeMutablePointer<UInt8>?
        let length = i2d_PKCS12(store, &output)
        let buffer = try #require(output)
        defer { CRYPTO_free(buffer, #file, #line) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(length)))
    }

    func settle(with settings: TLSSettings, on server: SimulatorServer, http: Bool) throws -> LinkResult {
        let framed = try BatchEncoder().encode(TLSSettlementTests.batch()).framed
        if http {
            let url = "https://127.0.0.1:\(server.port)/scripts/gateway.dll?transact"
            return try HTTPPostSettlement(url: url, tls: settings, connectionTimeout: .seconds(5)).settle(framed)
        }
        return try SocketSettlement(host: "127.0.0.1", port: server.port, tls: try TLSContext(client: settings)).settle(framed)
    }

    @Test(arguments: [false, true])
    func aPFXStoreAuthenticatesTheClient(http: Bool) throws {
        let serverIdentity = try SelfSignedCertificate.generate()
        let clientIdentity = try SelfSignedCertificate.generate(commonName: "terminal-1515", dnsNames: [], ipAddresses: [])
        let server = try SimulatorServer(
            service: http ? .httpPost : .socket,
            tls: .identity(certificatePEM: serverIdentity.certificatePEM, keyPEM: serverIdentity.keyPEM, clientCA: clientIdentity.certificatePEM),
            judge: TLSSettlementTests.judge)
        defer { server.stop() }
        let store = try Self.pkcs12(clientIdentity, password: "s3cret")
        let settings = TLSSettings(caCertificatesPEM: serverIdentity.certificatePEM, clientPKCS12: store, clientPKCS12Password: "s3cret")
        let result = try settle(with: settings, on: server, http: http)
        guard case .answered(let response, _) = result else {
            Issue.record("expected an answer, got \(result)")
            return
        }
        #expect(response.code == .goodBatch)
        // The same host refuses a client without the certificate.
        let without = Result { try settle(with: TLSSettings(caCertificatesPEM: serverIdentity.certificatePEM), on: server, http: http) }
        if case .success(.answered) = without { Issue.record("settled without a client certificate") }
    }

    @Test func aWrongPasswordOrNotAStoreIsError281() throws {
        let store = try Self.pkcs12(try SelfSignedCertificate.generate(), password: "right")
        let wrong = Result { try TLSContext(client: TLSSettings(clientPKCS12: store, clientPKCS12Password: "wrong")) }
        let garbage = Result { try TLSContext(client: TLSSettings(clientPKCS12: Array("not a store".utf8))) }
        for result in [wrong, garbage] {
            guard case .failure(let error as TransportError) = result else {
                Issue.record("expected a failure")
                continue
            }
            #expect(error.code == .clientCertificateNotFound)
        }
    }
}
