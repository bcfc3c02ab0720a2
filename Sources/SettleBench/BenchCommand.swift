import Foundation
import SettleDTO
import SettleModel
import SettleRecords

/// `settle-bench engine [--records N]`: measures the settlement engine in this process.
@main
struct BenchCommand {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.first == "engine" else {
            print("usage: settle-bench engine [--records N] [--rounds N]")
            exit(arguments.isEmpty ? 1 : 2)
        }
        arguments.removeFirst()
        var records = 100_000, rounds = 5
        while let flag = arguments.first {
            arguments.removeFirst()
            guard let value = arguments.first.flatMap(Int.init), value > 0 else {
                print("\(flag) needs a positive number")
                exit(2)
            }
            arguments.removeFirst()
            switch flag {
            case "--records": records = value
            case "--rounds": rounds = value
            default:
                print("unknown option \(flag)")
                exit(2)
            }
        }
        print("settle-bench engine: \(records) detail records per batch, best of \(rounds) rounds, one thread")
        for industry in [IndustryType.directMarketing, .hotel] {
            try EngineBenchmark(industry: industry, records: records, rounds: rounds).run()
        }
    }
}
