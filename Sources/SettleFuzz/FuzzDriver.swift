import Foundation
import SettleFuzzTargets

// `settle-fuzz` built by `scripts/fuzz` with libFuzzer (FUZZING defined): the target named by
// SETTLE_FUZZ_TARGET, run under libFuzzer's flags. SwiftPM links an executable's entry point under
// this name; the module has no main file (two files, neither main.swift), so this is it.

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The target libFuzzer drives, chosen once at start.
nonisolated(unsafe) private var fuzzed: FuzzTarget = .httpParser

@_cdecl("SettleFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    guard let name = ProcessInfo.processInfo.environment["SETTLE_FUZZ_TARGET"], let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(
            Data("set SETTLE_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        return 2
    }
    fuzzed = target
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in
        let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
        if let failure = fuzzed.run(bytes) { fatalError("invariant broken: \(failure)") }
        return 0
    }
}
#endif
