import Foundation
import SettleDTO
import SettleModel

/// The settlements a run sends: the retail example, for a terminal, a batch number (or none, for
/// the ledger to allocate), a day, and one of two amounts (so a reused key may carry another batch).
enum ChaosDocuments {
    static let example: String = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples/retail.json").standardized
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }()

    /// The example's card numbers, which no ledger byte may hold.
    static let cardNumbers = ["4111111111111111", "5555555555554444"]

    static let defaults: SettlementDefaults = {
        var defaults = SettlementDefaults(developerId: "003318", applicationId: "A001")
        defaults.allowsAutomaticBatchNumber = true
        return defaults
    }()

    static func encoded(merchant: String, terminal: String, batchNumber: Int?, day: LocalDate, variant: Int) -> SettlementDocument.Encoded? {
        var text =
            example
            .replacingOccurrences(of: "\"number\": \"888000002200\"", with: "\"number\": \"\(merchant)\"")
            .replacingOccurrences(of: "\"terminalNumber\": \"1515\"", with: "\"terminalNumber\": \"\(terminal)\"")
            .replacingOccurrences(of: "\"transmissionDate\": \"2026-11-26\"", with: "\"transmissionDate\": \"\(day.iso)\"")
            .replacingOccurrences(
                of: "\"transactionDate\": \"2026-11-25\"", with: "\"transactionDate\": \"\(LocalDate(daysSinceEpoch: day.daysSinceEpoch - 1).iso)\""
            )
            .replacingOccurrences(of: "\"settlementAmount\": 2500", with: "\"settlementAmount\": \(2500 + variant * 100)")
            .replacingOccurrences(of: "\"authorizedAmount\": 2500", with: "\"authorizedAmount\": \(2500 + variant * 100)")
        text = text.replacingOccurrences(of: "\"batchNumber\": 7,", with: batchNumber.map { "\"batchNumber\": \($0)," } ?? "")
        guard case .success(let encoded) = SettlementDocument.encode(json: Array(text.utf8), defaults: defaults, today: day) else { return nil }
        return encoded
    }
}
