import Foundation
import SettleChaos
import SettleLedger
import SettleTestSupport
import Testing

/// The seeded fault simulator: a few hundred seeds hold every invariant, the same seed replays
/// the same run, and a guard broken on purpose is caught within a bounded number of seeds.
@Suite struct ChaosTests {
    static func options(_ policy: LedgerPolicy = LedgerPolicy()) -> ChaosOptions {
        ChaosOptions(directory: Scratch.url("chaos").path, policy: policy)
    }

    @Test func threeHundredSeedsHoldEveryInvariant() throws {
        var tally = ChaosTally()
        for seed in UInt64(1)...300 {
            switch ChaosRun.run(seed: seed, options: Self.options()) {
            case .success(let run): tally.add(run)
            case .failure(let violation): Issue.record("\(violation)")
            }
        }
        // The faults were real: every kind of ending happened, and processes stopped.
        for state in ["accepted", "rejected", "failed", "in_doubt"] {
            let count = tally.outcomes[state, default: 0]
            #expect(count > 0, "no \(state) among \(tally.outcomes.description)")
        }
        #expect(tally.crashes > 300)
        #expect(tally.resolutions > 0)
    }

    /// The same on a PostgreSQL ledger: every restart is a new replica with a lease of its own,
    /// recovering a stopped one's settlements once its lease lapsed.
    @Test func fiftySeedsOnPostgreSQLHoldEveryInvariant() throws {
        var options = Self.options()
        options.postgresURL = try PostgresTestServer.shared.get().makeDatabase()
        var tally = ChaosTally()
        for seed in UInt64(1001)...1050 {
            switch ChaosRun.run(seed: seed, options: options) {
            case .success(let run): tally.add(run)
            case .failure(let violation): Issue.record("\(violation)")
            }
        }
        #expect(tally.outcomes["accepted", default: 0] > 0 && tally.outcomes["in_doubt", default: 0] > 0, "\(tally.outcomes.description)")
    }

    @Test func aSeedReplaysTheSameRun() throws {
        let first = ChaosRun.run(seed: 42, options: Self.options())
        let second = ChaosRun.run(seed: 42, options: Self.options())
        guard case .success(let a) = first, case .success(let b) = second else {
            throw ChaosViolation(seed: 42, invariant: "seed 42 failed", trace: [])
        }
        #expect(a.outcomes == b.outcomes && a.settlements == b.settlements && a.crashes == b.crashes)
    }

    /// With the five-day batch-number guard switched off (`guardDays: 0`), the simulator sends an
    /// accepted batch number again, and says so with the seed's steps.
    @Test func aBrokenBatchNumberGuardIsCaughtWithinAHundredSeeds() throws {
        var caught: ChaosViolation?
        for seed in UInt64(1)...100 {
            if case .failure(let violation) = ChaosRun.run(seed: seed, options: Self.options(LedgerPolicy(guardDays: 0))) {
                caught = violation
                break
            }
        }
        let violation = try #require(caught)
        #expect(violation.invariant.contains("again"), "\(violation.invariant)")
        #expect(!violation.trace.isEmpty)
    }
}
