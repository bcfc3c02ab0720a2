import ArgumentParser
import Foundation
import SettleAPI
import SettleDTO
import SettleLedger
import SettleModel

/// `tsys-settle report --date YYYY-MM-DD`: a day's settlements by card brand and kind, ours
/// against the host's totals (the API's `GET /v1/reports/settlements`), as JSON or CSV.
struct ReportCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reconcile a day's settlements: totals by card brand and kind, ours against the host's (JSON or CSV).")

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The batches' date, YYYY-MM-DD.") var date: String
    @Option(help: "Only this merchant number.") var merchant: String?
    @Option(help: "Only this environment (simulator, test, live, custom).") var environment: String?
    @Flag(help: "Print CSV instead of JSON.") var csv = false

    static let settingsName = "settlements"
    var givenFlags: GivenFlags { configFile.flags.merging(ledger.flags) }

    func run() throws {
        let settings = try settings()
        guard let day = LocalDate(iso: date) else { throw CLIError("--date takes YYYY-MM-DD") }
        var query = LedgerQuery(merchantNumber: merchant, limit: 500)
        query.batchDate = day
        query.environment = environment
        var entries: [LedgerEntry] = []
        do {
            let opened = try LedgerOptions.open(settings)
            while true {
                let page = try opened.list(query)
                entries += page.entries
                guard let next = page.nextCursor else { break }
                query.cursor = next
            }
        } catch let error as LedgerError {
            throw CLIError(error.description)
        }
        let report = SettlementSummary.report(date: day, merchant: merchant, environment: environment, entries: entries)
        if csv { return print(SettlementReportCSV.render(report.settlements), terminator: "") }
        try BatchFile.printJSON(report)
    }
}
