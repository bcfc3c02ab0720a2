import Foundation
import SettleFraming
import SettleLink
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTransport

/// Times settling a batch over TLS on loopback against the simulator, blocked and unblocked,
/// next to the loopback round trip and the TLS handshake it is made of.
struct LinkBenchmark {
    let records: Int
    let rounds: Int

    func run() throws {
        let batch = BenchBatch.make(industry: .directMarketing, records: records)
        let server = try SimulatorServer(judge: BatchJudge(today: BenchBatch.transmission))
        defer { server.stop() }
        let context = try TLSContext(client: TLSSettings(caCertificatesPEM: server.certificatePEM))
        let handshake = try best {
            let stream = try TLSStream.connect(host: "127.0.0.1", port: server.port, context: context, before: .now + .seconds(5))
            stream.close()
        }
        let roundTrip = try RoundTrip.measure(samples: 2000)
        print("loopback TLS round trip (median): \(format(roundTrip)); TLS connect + handshake: \(format(handshake))")
        var timings: [Bool: Duration] = [:]
        for combine in [true, false] {
            var variant = batch
            variant.settings.combineRecords = combine
            let encoded = try BatchEncoder().encode(variant)
            let blocks = encoded.framed.blockCount
            var outcome: LinkResult?
            // Each round settles a new batch number, so the simulator never answers QD; batches are
            // encoded before timing starts: this measures the link.
            var framed = try (0..<rounds).map { round in
                var numbered = variant
                numbered.batchNumber = (combine ? 100 : 500) + round
                return try BatchEncoder().encode(numbered).framed
            }
            let time = try best {
                outcome = try SocketSettlement(host: "127.0.0.1", port: server.port, tls: context).settle(framed.removeFirst())
            }
            guard case .answered(let response, _)? = outcome, response.code == .goodBatch else {
                throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "settlement failed: \(String(describing: outcome))"])
            }
            timings[combine] = time
            let bound = roundTrip * (blocks + 1) + handshake
            print(
                String(
                    format: "%@: %d records, %d blocks, %d round trips, %@ (bound blocks x RTT + handshake = %@, ratio %.2f)",
                    (combine ? "blocked  " : "unblocked") as NSString, encoded.totals.recordCount, blocks, blocks + 1,
                    format(time) as NSString, format(bound) as NSString, seconds(time) / seconds(bound)))
        }
        if let blocked = timings[true], let unblocked = timings[false] {
            print(String(format: "blocked is %.2fx faster than unblocked (target >= 2.5)", seconds(unblocked) / seconds(blocked)))
        }
        try httpPost(batch)
    }

    /// The same batch through the HTTPS POST gateway: one request, however it is blocked.
    private func httpPost(_ batch: Batch) throws {
        let gateway = try SimulatorServer(service: .httpPost, judge: BatchJudge(today: BenchBatch.transmission))
        defer { gateway.stop() }
        let url = "https://127.0.0.1:\(gateway.port)/scripts/gateway.dll?transact"
        let settings = TLSSettings(caCertificatesPEM: gateway.certificatePEM)
        for combine in [true, false] {
            var variant = batch
            variant.settings.combineRecords = combine
            var framed = try (0..<rounds).map { round in
                var numbered = variant
                numbered.batchNumber = (combine ? 200 : 600) + round
                return try BatchEncoder().encode(numbered).framed
            }
            let blocks = framed[0].blockCount
            var outcome: LinkResult?
            let time = try best { outcome = try HTTPPostSettlement(url: url, tls: settings).settle(framed.removeFirst()) }
            guard case .answered(let response, _)? = outcome, response.code == .goodBatch else {
                throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "HTTP settlement failed: \(String(describing: outcome))"])
            }
            print(
                "HTTP POST \(combine ? "blocked  " : "unblocked"): \(blocks) blocks in one request, \(format(time)) (includes a new TLS connection)")
        }
    }

    private func best(_ body: () throws -> Void) throws -> Duration {
        var fastest = Duration.seconds(3600)
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            try body()
            fastest = min(fastest, ContinuousClock.now - start)
        }
        return fastest
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func format(_ duration: Duration) -> String { String(format: "%.3f ms", seconds(duration) * 1000) }
}
