import Foundation
import SettleDTO
import SettleJSON
import SettleModel
import SettleTestSupport
import Testing

/// The documents a coverage-guided fuzzer found to kill the process with an arithmetic
/// overflow (issue 10), rebuilt from the examples: each is now a validation problem at the
/// field, and nothing traps.
@Suite struct OverflowRegressionTests {
    /// The example with the value at `path` replaced, and the problems the reader finds at that field.
    static func problems(_ name: String, setting path: [JSONValue.Step], to value: Int64) throws -> [ValidationIssue] {
        let json = try JSONValue(parsing: try Examples.data(name)).setting(path, to: .integer(value)).text
        return Examples.issues(Examples.read(json)).filter { $0.path == JSONValue.pointer(path) }
    }

    @Test func aLevel2LocalSalesTaxOfNinePointThreeQuadrillionIsOutOfRange() throws {
        let path: [JSONValue.Step] = [.member("detailRecords"), .element(0), .member("level2"), .member("localSalesTax")]
        #expect(try Self.problems("level2", setting: path, to: 9_300_000_000_000_000).map(\.code) == [.outOfRange])
    }

    @Test func aLevel3LocalTaxBeyondEveryAmountIsOutOfRange() throws {
        let path: [JSONValue.Step] = [.member("detailRecords"), .element(1), .member("level3"), .member("localTax")]
        #expect(try Self.problems("level3", setting: path, to: .max).map(\.code) == [.outOfRange])
    }

    /// The tax ratio multiplies the sale too: a huge sale beside a valid tax overflowed there.
    @Test(arguments: [Int64.min, -1, 9_300_000_000_000_000, .max])
    func aLevel2SettlementAmountBeyondItsRangeIsOutOfRange(amount: Int64) throws {
        let path: [JSONValue.Step] = [.member("detailRecords"), .element(0), .member("settlementAmount")]
        #expect(try Self.problems("level2", setting: path, to: amount).map(\.code) == [.outOfRange])
        // The tax is judged against the sale only when the sale is in range.
        let tax: [JSONValue.Step] = [.member("detailRecords"), .element(0), .member("level2"), .member("localSalesTax")]
        let json = try JSONValue(parsing: try Examples.data("level2")).setting(path, to: .integer(amount)).text
        #expect(Examples.issues(Examples.read(json)).filter { $0.path == JSONValue.pointer(tax) }.isEmpty)
    }
}
