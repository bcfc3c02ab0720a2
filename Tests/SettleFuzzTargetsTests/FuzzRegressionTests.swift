import Foundation
import SettleFuzzTargets
import Testing

/// Every fuzz target's seed corpus and every input that ever broke a target (`Fuzz/TARGET/`),
/// replayed: none may break its invariant, or crash. (`scripts/fuzz` explores beyond them.)
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fuzz").standardized

    static func inputs(_ target: FuzzTarget) -> [URL] {
        ["corpus", "regressions"].flatMap { folder in
            let directory = root.appendingPathComponent(target.rawValue).appendingPathComponent(folder)
            return ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []).sorted { $0.path < $1.path }
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func everyKeptInputHoldsItsTargetsInvariant(target: FuzzTarget) throws {
        let inputs = Self.inputs(target)
        #expect(!inputs.isEmpty, "\(target.rawValue) has a seed corpus")
        for input in inputs {
            let failure = target.run(Array(try Data(contentsOf: input)))
            #expect(failure == nil, "\(input.lastPathComponent): \(String(describing: failure))")
        }
    }
}
