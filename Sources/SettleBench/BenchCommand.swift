import Foundation
import SettleDTO
import SettleModel
import SettleRecords

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// `settle-bench engine [--records N]`: measures the settlement engine in this process.
@main
struct BenchCommand {
    static func main() async throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard let mode = arguments.first, ["engine", "link", "http", "document", "slowloris", "ledger", "chaos", "async", "day"].contains(mode) else {
            print(
                "usage: settle-bench engine [--records N] [--rounds N]\n       settle-bench document [--records N] [--rounds N]\n       settle-bench link [--records N] [--rounds N]\n       settle-bench http [--requests N] [--connections N]\n       settle-bench slowloris [--slow N] [--requests N]\n       settle-bench ledger [--settlements N] [--concurrency N] [--postgres URL]\n       settle-bench chaos [--seeds N] [--from S] [--trace SEED] [--postgres URL] [--guard-days N]\n       settle-bench async [--settlements N] [--concurrency N]\n       settle-bench day [--captures N] [--concurrency N] [--postgres URL]"
            )
            exit(arguments.isEmpty ? 1 : 2)
        }
        arguments.removeFirst()
        if mode == "http" {
            var requests = 20_000, connections = 8
            while arguments.count >= 2, let value = Int(arguments[1]), value > 0 {
                if arguments[0] == "--requests" { requests = value } else if arguments[0] == "--connections" { connections = value }
                arguments.removeFirst(2)
            }
            return try await HTTPBenchmark(requests: requests, connections: connections).run()
        }
        if mode == "ledger" {
            var settlements = 400, concurrency = 8
            var postgres: String?
            while arguments.count >= 2 {
                if arguments[0] == "--postgres" {
                    postgres = arguments[1]
                } else if let value = Int(arguments[1]), value > 0 {
                    if arguments[0] == "--settlements" { settlements = value } else if arguments[0] == "--concurrency" { concurrency = value }
                } else {
                    break
                }
                arguments.removeFirst(2)
            }
            return try await LedgerBenchmark(settlements: settlements, concurrency: concurrency, postgresURL: postgres).run()
        }
        if mode == "day" {
            var captures = 10_000, concurrency = 8
            var postgres: String?
            while arguments.count >= 2 {
                switch arguments[0] {
                case "--captures": captures = max(1, Int(arguments[1]) ?? captures)
                case "--concurrency": concurrency = max(1, Int(arguments[1]) ?? concurrency)
                case "--postgres": postgres = arguments[1]
                default: break
                }
                arguments.removeFirst(2)
            }
            return try await DayBenchmark(captures: captures, concurrency: concurrency, postgresURL: postgres).run()
        }
        if mode == "async" {
            var settlements = 1000, concurrency = 8
            while arguments.count >= 2, let value = Int(arguments[1]), value > 0 {
                if arguments[0] == "--settlements" { settlements = value } else if arguments[0] == "--concurrency" { concurrency = value }
                arguments.removeFirst(2)
            }
            return try await AsyncBenchmark(settlements: settlements, concurrency: concurrency).run()
        }
        if mode == "chaos" {
            var seeds = 1000, first: UInt64 = 1
            var traced: UInt64?
            var postgres: String?
            var guardDays = 5
            while arguments.count >= 2 {
                switch (arguments[0], UInt64(arguments[1])) {
                case ("--guard-days", let value?): guardDays = Int(value)
                case ("--seeds", let value?): seeds = max(1, Int(value))
                case ("--from", let value?): first = value
                case ("--trace", let value?): traced = value
                case ("--postgres", _): postgres = arguments[1]
                default: break
                }
                arguments.removeFirst(2)
            }
            var chaos = ChaosBenchmark(seeds: seeds, first: first, traced: traced)
            chaos.postgresURL = postgres
            chaos.guardDays = guardDays
            return try chaos.run()
        }
        if mode == "slowloris" {
            var slow = 300, requests = 500
            while arguments.count >= 2, let value = Int(arguments[1]), value > 0 {
                if arguments[0] == "--slow" { slow = value } else if arguments[0] == "--requests" { requests = value }
                arguments.removeFirst(2)
            }
            return try await SlowlorisBenchmark(slowClients: slow, requests: requests).run()
        }
        if mode == "document" {
            var records = 100, rounds = 200
            while arguments.count >= 2, let value = Int(arguments[1]), value > 0 {
                if arguments[0] == "--records" { records = value } else if arguments[0] == "--rounds" { rounds = value }
                arguments.removeFirst(2)
            }
            return try DocumentBenchmark(records: records, rounds: rounds).run()
        }
        if mode == "link" {
            var records = 1000, rounds = 5
            while arguments.count >= 2, let value = Int(arguments[1]) {
                if arguments[0] == "--records" { records = value } else if arguments[0] == "--rounds" { rounds = value }
                arguments.removeFirst(2)
            }
            print("settle-bench link: \(records) detail records over TLS on loopback to the simulator, best of \(rounds)")
            return try LinkBenchmark(records: records, rounds: rounds).run()
        }
        var records = 100_000, rounds = 5
        var only: IndustryType?
        while let flag = arguments.first {
            arguments.removeFirst()
            guard let value = arguments.first.flatMap(Int.init), value >= 0 else {
                print("\(flag) needs a positive number")
                exit(2)
            }
            arguments.removeFirst()
            switch flag {
            case "--records": records = value
            case "--rounds": rounds = value
            case "--industry": only = IndustryType.allCases[safe: value]
            default:
                print("unknown option \(flag)")
                exit(2)
            }
        }
        if let only {
            return try EngineBenchmark(industry: only, records: records, rounds: rounds).run()
        }
        FileHandle.standardOutput.write(Data("settle-bench engine: \(records) detail records per batch, best of \(rounds) rounds, one thread\n".utf8))
        // Each industry runs in a fresh process, so its memory reading is not flattered by
        // pages an earlier run freed.
        for industry in [IndustryType.directMarketing, .hotel, .retail] {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = [
                "engine", "--records", String(records), "--rounds", String(rounds),
                "--industry", String(IndustryType.allCases.firstIndex(of: industry)!),
            ]
            try child.run()
            child.waitUntilExit()
            guard child.terminationStatus == 0 else { exit(child.terminationStatus) }
        }
    }
}
