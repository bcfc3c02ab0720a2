import Foundation
import SettleDTO
import SettleModel

/// The repository's `examples/` documents and `Golden/` files, found relative to this source file.
enum Examples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = root.appendingPathComponent("examples")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name + ".json")) }

    static let defaults = SettlementDefaults(developerId: "003318", applicationId: "A001")
    static let today = LocalDate(year: 2026, month: 11, day: 26)

    static func read(_ json: String, defaults: SettlementDefaults = defaults) -> SettlementDocument.Outcome {
        SettlementDocument.read(json: Data(json.utf8), defaults: defaults, today: today)
    }

    /// The batch of a valid outcome; fails the test with the problems otherwise.
    static func batch(_ outcome: SettlementDocument.Outcome) throws -> Batch {
        if case .valid(let batch) = outcome { return batch }
        struct Invalid: Error, CustomStringConvertible { let description: String }
        throw Invalid(description: "document is invalid: \(issues(outcome))")
    }

    static func issues(_ outcome: SettlementDocument.Outcome) -> [ValidationIssue] {
        if case .invalid(let issues) = outcome { return issues }
        return []
    }
}
