import Foundation
import SettleTransport

/// The loopback round trip of one byte each way over TLS: what a block and its ACK cost at best.
enum RoundTrip {
    static func measure(samples: Int) throws -> Duration {
        let identity = try SelfSignedCertificate.generate()
        let serverContext = try TLSContext(serverCertificatePEM: identity.certificatePEM, keyPEM: identity.keyPEM)
        let listener = try Listener()
        defer { listener.close() }
        let port = listener.port
        Thread.detachNewThread {
            // Echo every byte back until the client goes.
            guard let stream = try? listener.acceptStream(context: serverContext, before: .now + .seconds(10)) else { return }
            while case .bytes(let bytes)? = try? stream.read(before: .now + .seconds(10)) {
                try? stream.write(bytes, before: .now + .seconds(10))
            }
            stream.close()
        }
        let client = try TLSStream.connect(
            host: "127.0.0.1", port: port, context: try TLSContext(client: TLSSettings(caCertificatesPEM: identity.certificatePEM)),
            before: .now + .seconds(5))
        defer { client.close() }
        var times: [Duration] = []
        for _ in 0..<samples {
            let start = ContinuousClock.now
            try client.write([0x06], before: .now + .seconds(5))
            _ = try client.read(before: .now + .seconds(5))
            times.append(ContinuousClock.now - start)
        }
        return times.sorted()[times.count / 2]
    }
}
