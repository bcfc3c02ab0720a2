import ArgumentParser
import SettleDTO
import SettleModel
import SettleRecords

/// `tsys-settle validate FILE.json`: every problem at once, or the computed totals.
struct ValidateCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a settlement document without sending anything; exit 1 if it has problems."
    )

    @Argument(help: "The settlement document (JSON), or - for standard input.")
    var file: String

    @Flag(help: "Print the report as JSON (the API's validate response).")
    var json = false

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup var options: EngineOptions

    static let settingsName = "validate"
    var givenFlags: GivenFlags { configFile.flags.merging(options.flags) }

    func run() throws {
        switch try BatchFile.load(file, settings: try settings()) {
        case .invalid(let issues):
            if json {
                try BatchFile.printJSON(ValidationReportDTO(problems: issues))
                throw ExitCode(1)
            }
            try BatchFile.fail(issues)
        case .encoded(let batch, let encoded, _, let notes):
            let report = ValidationReportDTO(batch: batch, encoded: encoded, notes: notes)
            if json { return try BatchFile.printJSON(report) }
            print("valid: \(batch.industryType.rawValue) batch \(batch.batchNumber), \(batch.detailRecords.count) detail records")
            if let totals = report.totals {
                print("batch_record_count    \(totals.batchRecordCount)")
                print("batch_hashing_total   \(encoded.totals.hashingTotalText)")
                print("batch_cash_back_total \(encoded.totals.cashBackTotalText)")
                print("batch_net_deposit     \(encoded.totals.netDepositText)\(totals.netDepositIsCredit ? " (credit)" : "")")
            }
            for note in notes { print("note: \(note.path): \(note.message)") }
        }
    }
}
