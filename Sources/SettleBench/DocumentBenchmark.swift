import Foundation
import SettleDTO
import SettleJSON
import SettleModel
import SettleRecords

/// `settle-bench document`: the API's per-request work without HTTP: a JSON settlement document
/// of N retail details parsed, read, validated and encoded (the API's whole read), and stages alone.
struct DocumentBenchmark {
    let records: Int
    let rounds: Int

    func run() throws {
        let json = try Self.document(records: records)
        let defaults = SettlementDefaults(developerId: "003318", applicationId: "A001")
        let today = LocalDate(year: 2026, month: 11, day: 26)
        guard case .valid(let batch) = SettlementDocument.read(json: json, defaults: defaults, today: today) else {
            throw BenchError("the generated document does not validate")
        }
        print("settle-bench document: \(records) retail details, \(json.count) bytes of JSON, best of \(rounds)")
        report("parse to a tape", try Stopwatch.best(of: rounds) { _ = try JSONParser.parse(json) })
        report("parse JSON to a tree", try Stopwatch.best(of: rounds) { _ = try JSONValue(parsing: json) })
        report("parse + read + validate", Stopwatch.best(of: rounds) { _ = SettlementDocument.read(json: json, defaults: defaults, today: today) })
        report("dry run (validate route)", Stopwatch.best(of: rounds) { _ = SettlementDocument.check(json: json, defaults: defaults, today: today) })
        report("the API's whole read", Stopwatch.best(of: rounds) { _ = SettlementDocument.encode(json: json, defaults: defaults, today: today) })
        report("validate (model)", Stopwatch.best(of: rounds) { _ = BatchValidator().validate(batch) })
        report("encode (validated)", try Stopwatch.best(of: rounds) { _ = try BatchEncoder().encodeValidated(batch) })
        // The validate route's answer, encoded as the API encodes it.
        guard case .success(let checked) = SettlementDocument.check(json: json, defaults: defaults, today: today) else {
            throw BenchError("the generated document does not check")
        }
        let report = ValidationReportDTO(batch: checked.batch, shape: checked.shape)
        self.report(
            "report via JSONEncoder",
            try Stopwatch.best(of: rounds) {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                _ = try encoder.encode(report)
            })
        self.report(
            "report via JSONWriter",
            Stopwatch.best(of: rounds) {
                var json = JSONWriter()
                report.write(to: &json)
                _ = json.bytes
            })
    }

    /// The retail example with its first detail repeated, each with its own number and amount.
    static func document(records: Int) throws -> Data {
        let example = try Data(contentsOf: URL(fileURLWithPath: "examples/retail.json"))
        guard var root = try JSONSerialization.jsonObject(with: example) as? [String: Any],
            let template = (root["detailRecords"] as? [[String: Any]])?.first
        else { throw BenchError("examples/retail.json has no detail records") }
        root["detailRecords"] = (0..<records).map { index in
            var detail = template
            detail["transactionNumber"] = index + 1
            detail["settlementAmount"] = 100 + index
            detail["authorizedAmount"] = 100 + index
            return detail
        }
        return try JSONSerialization.data(withJSONObject: root)
    }

    private func report(_ label: String, _ seconds: Double) {
        let padded = label.padding(toLength: 24, withPad: " ", startingAt: 0)
        print(String(format: "  %@ %8.1f us  %6.2f us/record", padded as NSString, seconds * 1e6, seconds * 1e6 / Double(records)))
    }
}
