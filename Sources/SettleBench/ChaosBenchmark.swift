import Foundation
import SettleChaos
import SettleLedger

/// `settle-bench chaos [--seeds N] [--from S] [--trace SEED] [--postgres URL] [--guard-days N]`: the seeded fault simulator over
/// many seeds, with the time it took and what happened; any invariant broken is printed with the
/// seed's steps (replay it with `--trace SEED`), and the run fails.
struct ChaosBenchmark {
    let seeds: Int
    let first: UInt64
    let traced: UInt64?
    /// A PostgreSQL ledger to run on instead of SQLite.
    var postgresURL: String?
    /// The batch-number guard's window (0 breaks it on purpose, to see the simulator catch it).
    var guardDays = 5

    func run() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("settle-chaos-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = ChaosOptions(directory: directory, policy: LedgerPolicy(guardDays: guardDays), postgresURL: postgresURL)
        // A database kept between runs: merchants of this run's own.
        if postgresURL != nil { options.merchantSalt = UInt64.random(in: 1...UInt64(1) << 40) }
        if let traced {
            switch ChaosRun.run(seed: traced, options: options) {
            case .success(let tally):
                print(tally.trace.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
                print("seed \(traced): every invariant held (\(tally.settlements) settlements, \(tally.outcomes))")
            case .failure(let violation):
                print(violation)
                exit(1)
            }
            return
        }
        print(
            "settle-bench chaos: seeds \(first) to \(first + UInt64(seeds) - 1), \(options.steps) steps each, \(postgresURL == nil ? "SQLite" : "PostgreSQL") ledger"
        )
        let clock = ContinuousClock(), started = clock.now
        var total = ChaosTally()
        var violations: [ChaosViolation] = []
        for seed in first..<(first + UInt64(seeds)) {
            switch ChaosRun.run(seed: seed, options: options) {
            case .success(let tally): total.add(tally)
            case .failure(let violation): violations.append(violation)
            }
        }
        let elapsed = clock.now - started
        print(
            "  \(seeds) seeds in \(elapsed), \(violations.count) invariant violation(s)\(violations.first.map { ", the first at seed \($0.seed)" } ?? "")"
        )
        print(
            "  \(total.settlements) settlements: \(total.outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))"
        )
        print(
            "  \(total.crashes) process stops, \(total.pauses) pauses past a lease, \(total.injectedFaults) ledger faults injected, \(total.resolutions) in-doubt resolutions"
                + "\n  open batches: \(total.captures) captures, \(total.cutoffsClosed) cutoffs closed, \(total.closeEndings) batch tries ended"
        )
        for violation in violations.prefix(3) { print(violation) }
        if !violations.isEmpty { exit(1) }
    }
}
