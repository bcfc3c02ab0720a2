import Foundation
import SettleDTO
import SettleJSON
import SettleModel
import SettleRecords
import Testing

/// The directly written reports are byte for byte what `JSONEncoder` makes of them, so the
/// API's answers do not depend on which of the two wrote them.
@Suite struct JSONWriterTests {
    func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func written(_ value: some JSONWritable) -> String {
        var json = JSONWriter()
        value.write(to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test(arguments: Examples.names)
    func theReportOfEveryExample(name: String) throws {
        let checked = try SettlementDocument.check(json: try Examples.data(name), defaults: Examples.defaults, today: Examples.today).get()
        for automatic in [false, true] {
            let report = ValidationReportDTO(batch: checked.batch, shape: checked.shape, automaticBatchNumber: automatic)
            #expect(written(report) == (try encoded(report)))
        }
    }

    @Test func aReportOfProblems() throws {
        guard case .invalid(let issues) = Examples.read(#"{"industryType": "retail", "detailRecords": [{"cardNumber": 4}], "stray": null}"#) else {
            Issue.record("the document should be invalid")
            return
        }
        #expect(issues.contains { $0.detailIndex != nil } && issues.contains { $0.detailIndex == nil })
        let report = ValidationReportDTO(problems: issues)
        #expect(written(report) == (try encoded(report)))
    }

    @Test func everyCharacterIsEscapedAsTheEncoderEscapesIt() throws {
        let text = String((0..<0x21).map { Character(Unicode.Scalar(UInt8($0))) }) + "\"\\/\u{7F}é€😀~"
        let problem = ProblemDTO(ValidationIssue(code: .invalidFormat, detailIndex: 3, path: "/a~1b/\(text)", message: text))
        #expect(written(problem) == (try encoded(problem)))
    }

    @Test func extremeTotals() throws {
        let totals = BatchTotalsDTO(BatchTotals(recordCount: .max, hashingTotal: .max, cashBackTotal: .min, netDeposit: 0, netDepositIsCredit: true))
        #expect(written(totals) == (try encoded(totals)))
    }
}
