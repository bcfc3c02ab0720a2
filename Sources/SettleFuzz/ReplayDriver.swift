import Foundation
import SettleFuzzTargets

// `settle-fuzz` built plainly: `settle-fuzz TARGET FILE...` runs inputs through a target and says
// which break its invariant (a crash is a crash either way). Under libFuzzer, see FuzzDriver.

#if !FUZZING
@_cdecl("SettleFuzz_main")
func replayMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    let arguments = CommandLine.arguments
    if arguments.count == 3 && arguments[1] == "--write-batches" {
        // settle-fuzz --write-batches DIR: the examples as framed batches (the decoder's seeds).
        let examples = (try? FileManager.default.contentsOfDirectory(atPath: "examples")) ?? []
        let documents = examples.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            FileManager.default.contents(atPath: "examples/" + name).map { (String(name.dropLast(5)), Array($0)) }
        }
        for (name, bytes) in FuzzTarget.encodedBatches(documents) {
            FileManager.default.createFile(atPath: arguments[2] + "/" + name, contents: Data(bytes))
        }
        return 0
    }
    if arguments.count == 4 && arguments[2] == "--show", let target = FuzzTarget(rawValue: arguments[1]),
        let data = FileManager.default.contents(atPath: arguments[3])
    {
        // settle-fuzz TARGET --show FILE: what the target checks, made of the input.
        FileHandle.standardOutput.write(Data(target.shown(Array(data)) ?? Array(data)))
        return 0
    }
    guard arguments.count >= 3, let target = FuzzTarget(rawValue: arguments[1]) else {
        print("usage: settle-fuzz TARGET FILE... (targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")))")
        return 2
    }
    var broken = 0
    for path in arguments.dropFirst(2) {
        guard let data = FileManager.default.contents(atPath: path) else {
            print("\(path): cannot read")
            broken += 1
            continue
        }
        if let failure = target.run(Array(data)) {
            print("\(path): \(failure)")
            broken += 1
        }
    }
    print("\(arguments.count - 2 - broken) of \(arguments.count - 2) inputs hold \(target.rawValue)'s invariant")
    return broken == 0 ? 0 : 1
}
#endif
