import Foundation
import SettleFraming
import SettleModel
import SettleRecords

/// Times validation + encoding (records, blocks, parity) and decoding of one large batch,
/// and the extra memory encoding needs beyond the batch it reads.
struct EngineBenchmark {
    let industry: IndustryType
    let records: Int
    let rounds: Int

    func run() throws {
        let batch = BenchBatch.make(industry: industry, records: records)
        let encoder = BatchEncoder()
        // Memory first, before anything has been allocated and freed that the encoder could reuse.
        let baseline = Memory.resetPeak()
        let first = try encoder.encode(batch)
        let extra = Memory.peakResident() - baseline
        let wire = first.framed.bytes.count

        let encode = try Stopwatch.best(of: rounds) { _ = try encoder.encode(batch) }
        let encodeOnly = try Stopwatch.best(of: rounds) { _ = try encoder.encodeValidated(batch) }
        let validate = Stopwatch.best(of: rounds) { _ = BatchValidator().validate(batch) }
        let decoder = BatchDecoder(referenceDate: batch.transmissionDate)
        let decode = try Stopwatch.best(of: rounds) { _ = try decoder.decode(first.framed.bytes) }

        let name =
            switch industry {
            case .directMarketing: "e-commerce"
            case .hotel: "hotel"
            default: "chip retail"
            }
        print("")
        print("\(name): \(records) details, \(first.framed.blockCount) blocks, \(wire) wire bytes (\(wire / records) per detail)")
        report("validate + encode", encode, wire)
        report("encode only", encodeOnly, wire)
        report("validate only", validate, wire)
        report("decode", decode, wire)
        let ratio = Double(extra) / Double(wire)
        print(String(format: "  peak extra memory while encoding: %.1f MB = %.2f x wire size (target <= 2.00)", Double(extra) / 1e6, ratio))
    }

    private func report(_ label: String, _ seconds: Double, _ wire: Int) {
        let rate = Double(records) / seconds
        let bytes = Double(wire) / seconds
        let padded = label.padding(toLength: 18, withPad: " ", startingAt: 0)
        print(String(format: "  %@ %8.1f ms  %11.0f records/s  %7.1f MB/s", padded as NSString, seconds * 1000, rate, bytes / 1e6))
    }
}
