import ArgumentParser
import Foundation
import SettleDTO
import SettleModel
import SettleRecords
import SettleSettings

/// Reads a settlement document from a file (or `-` for standard input) and encodes it.
enum BatchFile {
    /// A document that read and validated cleanly, with its encoding; or its problems.
    enum Result {
        case encoded(Batch, EncodedBatch, WireProfile, notes: [DocumentNote])
        case invalid([ValidationIssue])
    }

    static func load(_ path: String, settings: EffectiveSettings) throws -> Result {
        let defaults = EngineOptions.defaults(settings)
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("cannot read \(path): \(error.localizedDescription)")
        }
        switch SettlementDocument.encode(json: data, defaults: defaults, today: EngineOptions.clock(settings).today()) {
        case .success(let read): return .encoded(read.batch, read.encoded, defaults.profile, notes: read.notes)
        case .failure(.invalidBatch(let issues)): return .invalid(issues)
        case .failure(let defect): throw CLIError(defect.description)
        }
    }

    /// Prints problems one per line to standard error, then exits 1.
    static func fail(_ issues: [ValidationIssue]) throws -> Never {
        for issue in issues { FileHandle.standardError.write(Data((issue.description + "\n").utf8)) }
        FileHandle.standardError.write(Data("\(issues.count) problem\(issues.count == 1 ? "" : "s") found; nothing was encoded\n".utf8))
        throw ExitCode(1)
    }

    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
