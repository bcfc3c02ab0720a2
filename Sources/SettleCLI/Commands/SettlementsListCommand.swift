import ArgumentParser
import Foundation
import SettleAPI
import SettleDTO
import SettleLedger
import SettleSettings

/// `tsys-settle settlements list`: newest first, filtered, a page at a time.
struct SettlementsListCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List recorded settlements, newest first.")

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup var ledger: LedgerOptions
    @Option(help: "Only this merchant number.") var merchant: String?
    @Option(help: "Only this terminal number.") var terminal: String?
    @Option(help: "Only this state: \(SettlementState.allCases.map(\.rawValue).joined(separator: ", ")).") var state: String?
    @Option(help: "Created at or after (RFC 3339 time or YYYY-MM-DD).") var from: String?
    @Option(help: "Created before (RFC 3339 time or YYYY-MM-DD).") var to: String?
    @Option(name: Setting.listLimit.name, help: Setting.listLimit.argumentHelp) var limit: String?
    @Option(help: "The next-page cursor a previous list printed.") var cursor: String?
    @Flag(help: "Print JSON (the API's GET /v1/settlements document).") var json = false

    static let settingsName = "settlements list"
    var givenFlags: GivenFlags {
        var given = configFile.flags.merging(ledger.flags)
        given[.listLimit] = limit
        return given
    }

    func run() throws {
        let settings = try settings()
        var query = LedgerQuery(merchantNumber: merchant, terminalNumber: terminal, limit: settings.number(.listLimit) ?? 50, cursor: cursor)
        if let state {
            guard let parsed = SettlementState(rawValue: state) else {
                throw CLIError("--state must be one of \(SettlementState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.state = parsed
        }
        for (text, keyPath, flag) in [(from, \LedgerQuery.from, "--from"), (to, \LedgerQuery.to, "--to")] {
            guard let text else { continue }
            guard let date = SettlementAPI.instant(text) else { throw CLIError("\(flag) takes an RFC 3339 time or YYYY-MM-DD") }
            query[keyPath: keyPath] = date
        }
        let page: LedgerPage
        do {
            page = try LedgerOptions.open(settings).list(query)
        } catch let error as LedgerError {
            throw CLIError(error.description)
        }
        let records = page.entries.map { SettlementRecordDTO($0, withRecords: false) }
        if json { return try BatchFile.printJSON(SettlementListDTO(settlements: records, nextCursor: page.nextCursor)) }
        for record in records {
            let answer = record.responseCode ?? record.resolution ?? "-"
            print(
                [
                    record.id, record.createdAt, record.state, record.environment, "\(record.merchantNumber)/\(record.terminalNumber)",
                    "batch \(record.batchNumber)",
                    "\(record.recordCount) records", "net \(record.totals.netDeposit)", answer,
                ].joined(separator: "  "))
        }
        if let next = page.nextCursor { print("more: --cursor \(next)") }
        if records.isEmpty { print("no settlements") }
    }
}
