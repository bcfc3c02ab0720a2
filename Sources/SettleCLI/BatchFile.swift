import ArgumentParser
import Foundation
import SettleDTO
import SettleModel
import SettleRecords

/// Reads a settlement document from a file (or `-` for standard input) and encodes it.
enum BatchFile {
    /// A document that read and validated cleanly, with its encoding; or its problems.
    enum Result {
        case encoded(Batch, EncodedBatch, WireProfile)
        case invalid([ValidationIssue])
    }

    static func load(_ path: String, options: EngineOptions) throws -> Result {
        let defaults = try options.defaults()
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("cannot read \(path): \(error.localizedDescription)")
        }
        switch SettlementDocument.read(json: data, defaults: defaults, today: try options.clock().today()) {
        case .invalid(let issues):
            return .invalid(issues)
        case .valid(let batch):
            do {
                return .encoded(batch, try BatchEncoder(profile: defaults.profile).encode(batch), defaults.profile)
            } catch {
                if case .invalidBatch(let issues) = error { return .invalid(issues) }
                throw CLIError(error.description)
            }
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
