import Foundation
import SettleSettings
import Testing

/// `tsys-settle validate` and `encode`, run as a process.
@Suite struct CLITests {
    @Test func validateAcceptsAnExampleAndPrintsTheComputedTotals() throws {
        let result = try CLIRunner.run(["validate", "examples/retail.json"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("valid: retail batch 7, 3 detail records"))
        #expect(result.output.contains("batch_record_count    6"))
        #expect(result.output.contains("batch_net_deposit     0000000000006200"))
    }

    @Test func validateAsJSONMatchesTheAPIShape() throws {
        let result = try CLIRunner.run(["validate", "--json", "examples/level3.json"])
        #expect(result.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(report?["valid"] as? Bool == true)
        let totals = report?["totals"] as? [String: Any]
        #expect(totals?["batchRecordCount"] as? Int == 8)
        #expect((report?["batch"] as? [String: Any])?["applicationType"] as? String == "5")
    }

    @Test func validateCountsTheChipAddendaInTheRecordCount() throws {
        let result = try CLIRunner.run(["validate", "--json", "examples/chip-retail.json"])
        #expect(result.status == 0, "\(result.errors)")
        let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let batch = report?["batch"] as? [String: Any]
        #expect(batch?["chipAddendumCount"] as? Int == 4)
        #expect(batch?["detailRecordCount"] as? Int == 4)
        #expect((report?["totals"] as? [String: Any])?["batchRecordCount"] as? Int == 3 + 4 + 4)
    }

    @Test func validateListsEveryProblemWithCodeAndPointerAndExits1() throws {
        let document = """
            {"industryType": "retail", "batchNumber": 0, "merchant": {"bankId": "000000", "number": "888000002200",
             "storeNumber": "5999", "terminalNumber": "1515", "categoryCode": "5999", "zip": "90210"},
             "detailRecords": [{"transactionType": "cardPresent", "cardNumber": "4111111111111112", "settlementAmount": 2500,
               "transactionDate": "2026-11-25", "transactionTime": "18:30:05", "transactionNumber": 1, "cvv": "123"}]}
            """
        let result = try CLIRunner.run(["validate", "-"], input: document)
        #expect(result.status == 1)
        for expected in [
            "503 /batchNumber", "503 /merchant/bankId", "504 /detailRecords/0/cardNumber", "593 /detailRecords/0/cvv",
            "593 /detailRecords/0/posDataCode",
        ] {
            #expect(result.errors.contains(expected), "missing \(expected) in:\n\(result.errors)")
        }
        #expect(!result.errors.contains("4111111111111112"))
        #expect(result.errors.contains("411111******1112"))
        #expect(result.output.isEmpty)
    }

    @Test func developerIdIsRequiredFromConfiguration() throws {
        let result = try CLIRunner.run(["validate", "examples/retail.json"], environment: [:])
        #expect(result.status == 1)
        #expect(result.errors.contains("593 /settings/developerId"))
        let flagged = try CLIRunner.run(["validate", "examples/retail.json", "--developer-id", "ABC123", "--application-id", "X1"], environment: [:])
        #expect(flagged.status == 0, "\(flagged.errors)")
    }

    @Test func flagsWinOverEnvironment() throws {
        var environment = CLIRunner.sampleIds
        environment["TSYS_SETTLE_DEVICE_CODE"] = "K"  // not a device code
        #expect(try CLIRunner.run(["validate", "examples/retail.json"], environment: environment).errors.contains("/settings/deviceCode"))
        #expect(try CLIRunner.run(["validate", "examples/retail.json", "--device-code", "W"], environment: environment).status == 0)
    }

    @Test func badSettingValuesAreRefusedClearly() throws {
        var environment = CLIRunner.sampleIds
        environment["TSYS_SETTLE_COMBINE_RECORDS"] = "maybe"
        let result = try CLIRunner.run(["validate", "examples/retail.json"], environment: environment)
        #expect(result.status != 0)
        #expect(
            result.errors.contains(
                "invalid value 'maybe' for --combine-records (TSYS_SETTLE_COMBINE_RECORDS) from environment variable TSYS_SETTLE_COMBINE_RECORDS: must be true or false"
            ))
    }

    @Test func encodePrintsMaskedBlocks() throws {
        let result = try CLIRunner.run(["encode", "examples/direct-marketing.json"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("<STX>K1.ZH@@@R999995") == true)
        #expect(lines.filter { $0.hasPrefix("<STX>") }.count == 3)
        #expect(lines.contains { $0.hasSuffix("<ETX>  LRC 0x" + $0.suffix(2)) })
        #expect(result.output.contains("401288******1881"))
        #expect(!result.output.contains("4012888888881881"))
        #expect(result.output.contains("# records 6"))
    }

    @Test func encodeHexShowsParityBytes() throws {
        let result = try CLIRunner.run(["encode", "--hex", "examples/retail.json"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("# card number digits are shown as '*'") == true)
        let first = lines.first { !$0.hasPrefix("#") } ?? ""
        #expect(first.hasPrefix("82 4B B1 2E 5A 48"))  // STX K 1 . Z H with even parity
    }

    @Test func unblockedSettingChangesTheBlockCount() throws {
        let blocked = try CLIRunner.run(["encode", "examples/retail.json"])
        let unblocked = try CLIRunner.run(["encode", "examples/retail.json", "--combine-records", "false"])
        #expect(blocked.output.contains("# 3 blocks"))
        #expect(unblocked.output.contains("# 6 blocks"))
    }

    @Test func theBillPaymentCodeSettingChoosesTheTransactionCode() throws {
        let retail = try String(contentsOf: CLIRunner.root.appending(path: "examples/retail.json"), encoding: .utf8)
        let document = retail.replacingOccurrences(of: "\"cardholderId\": \"@\"", with: "\"cardholderId\": \"@\", \"marketSpecificData\": \"B\"")
        #expect(document != retail)
        let firstDetail = { (output: String) in output.split(separator: "\n").first { $0.hasPrefix("<STX>K1.ZD") }.map(String.init) ?? "" }
        let coded = try CLIRunner.run(["encode", "-", "--combine-records", "false"], input: document)
        #expect(coded.status == 0, "\(coded.errors)")
        #expect(firstDetail(coded.output).dropFirst(14).hasPrefix("5B"))
        let plain = try CLIRunner.run(["encode", "-", "--combine-records", "false", "--bill-payment-code", "false"], input: document)
        #expect(plain.status == 0, "\(plain.errors)")
        #expect(firstDetail(plain.output).dropFirst(14).hasPrefix("54"))
    }

    @Test func missingFileIsAClearError() throws {
        let result = try CLIRunner.run(["validate", "examples/nope.json"])
        #expect(result.status != 0)
        #expect(result.errors.contains("cannot read examples/nope.json") || result.output.contains("cannot read examples/nope.json"))
    }
}
