import Foundation
import SettleHTTP
import SettleLoad
import SettleTestSupport
import SettleTransport
import Testing

/// HTTPS on OpenSSL over loopback: a certificate and key from PEM files, keep-alive and
/// pipelining through TLS records, a large body both ways, and refusals. Nested in the
/// serialized server suite: its blocking test clients must not run beside that suite's.
extension HTTPServerTests {
    @Suite struct HTTPS {
        /// A fresh certificate for 127.0.0.1 written to files, and the server using them.
        func server(minimum: HTTPTLSConfiguration.MinimumVersion = .tls12) async throws -> (HTTPServer, Int, SelfSignedCertificate) {
            let identity = try SelfSignedCertificate.generate()
            let directory = Scratch.url("https")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let certificate = directory.appendingPathComponent("cert.pem"), key = directory.appendingPathComponent("key.pem")
            try identity.certificatePEM.write(to: certificate, atomically: true, encoding: .utf8)
            try identity.keyPEM.write(to: key, atomically: true, encoding: .utf8)
            let tls = HTTPTLSConfiguration(certificateChainFile: certificate.path, privateKeyFile: key.path, minimumVersion: minimum)
            let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, tls: tls), handler: HTTPServerTests.echo)
            return (server, try await server.start(), identity)
        }

        func client(_ port: Int, trusting identity: SelfSignedCertificate, maximum: TLSVersion? = nil) throws -> HTTPTestClient {
            var settings = TLSSettings()
            settings.caCertificatesPEM = identity.certificatePEM
            let stream = try TLSStream.connect(host: "127.0.0.1", port: port, context: try TLSContext(client: settings), before: .now + .seconds(5))
            return HTTPTestClient(stream: stream)
        }

        @Test func keepAliveAndPipeliningWorkThroughTLS() async throws {
            let (server, port, identity) = try await server()
            let client = try client(port, trusting: identity)
            client.send("GET /one HTTP/1.1\r\nHost: a\r\n\r\nGET /two HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(await client.response()?.body == "GET /one ")
            #expect(await client.response()?.body == "GET /two ")
            client.send("POST /three HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc")
            #expect(await client.response()?.body == "POST /three abc")
            await server.shutdown()
        }

        @Test func aLargeBodyCrossesManyRecordsBothWays() async throws {
            let (server, port, identity) = try await server()
            let client = try client(port, trusting: identity)
            // 3 MB: many TLS records in, and an echo larger than the socket buffer out (partial writes).
            let body = String(repeating: "0123456789abcdef", count: 3 * 65536)
            client.send("POST /big HTTP/1.1\r\nHost: a\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body)
            let response = try #require(await client.response())
            #expect(response.status == 200)
            #expect(response.body == "POST /big " + body)
            await server.shutdown()
        }

        @Test func plainHTTPOnTheTLSPortGetsNoAnswer() async throws {
            let (server, port, _) = try await server()
            let client = try HTTPTestClient(port: port)
            client.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(await client.response() == nil)
            #expect(await client.isClosedByServer())
            // The server is unharmed: a TLS client is still served.
            await server.shutdown()
        }

        @Test func aServerRequiringTLS13RefusesATLS12Client() async throws {
            let (server, port, identity) = try await server(minimum: .tls13)
            var settings = TLSSettings()
            settings.caCertificatesPEM = identity.certificatePEM
            settings.maximumVersion = .tls12
            #expect(throws: TransportError.self) {
                _ = try TLSStream.connect(host: "127.0.0.1", port: port, context: try TLSContext(client: settings), before: .now + .seconds(5))
            }
            let modern = try client(port, trusting: identity)
            modern.send("GET /ok HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(await modern.response()?.status == 200)
            await server.shutdown()
        }

        @Test func missingOrMismatchedFilesFailStartWithTheReason() async throws {
            let other = try SelfSignedCertificate.generate()
            let (running, _, identity) = try await server()
            await running.shutdown()
            let directory = Scratch.url("https")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let certificate = directory.appendingPathComponent("cert.pem"), key = directory.appendingPathComponent("key.pem")
            try identity.certificatePEM.write(to: certificate, atomically: true, encoding: .utf8)
            try other.keyPEM.write(to: key, atomically: true, encoding: .utf8)
            for (certificatePath, keyPath, expected) in [
                ("/nonexistent/cert.pem", key.path, "cannot read the TLS certificate file /nonexistent/cert.pem"),
                (certificate.path, "/nonexistent/key.pem", "cannot read the TLS private key file /nonexistent/key.pem"),
                (key.path, key.path, "holds no PEM certificate"),
                (certificate.path, key.path, "holds no PEM key for this certificate"),
            ] {
                let tls = HTTPTLSConfiguration(certificateChainFile: certificatePath, privateKeyFile: keyPath)
                let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, tls: tls), handler: HTTPServerTests.echo)
                do {
                    _ = try await server.start()
                    Issue.record("started with \(certificatePath) and \(keyPath)")
                } catch {
                    #expect(error.description.contains(expected), "\(error.description)")
                }
            }
        }
    }
}
