import SettleLedger

/// What one simulated run does.
package struct ChaosOptions: Sendable {
    /// Steps per seed (admissions, steps of settlements in hand, stops and pauses, operator
    /// resolutions, days passing).
    package var steps = 60
    /// The ledger's rules; a test breaks one on purpose (`guardDays: 0`) to see it caught.
    package var policy = LedgerPolicy()
    /// Where each seed's SQLite ledger is made (a fresh directory per seed, removed after).
    package var directory: String
    /// A PostgreSQL ledger to run on instead of SQLite (each seed settles for a merchant of its
    /// own, so seeds may share the database); every restart is a new replica with its own lease.
    package var postgresURL: String?
    /// Mixed into each seed's merchant number, so runs sharing a database (a benchmark run again)
    /// do not meet each other's entries; it changes no choice a seed makes.
    package var merchantSalt: UInt64 = 0

    package init(directory: String, steps: Int = 60, policy: LedgerPolicy = LedgerPolicy(), postgresURL: String? = nil) {
        self.directory = directory
        self.steps = steps
        self.policy = policy
        self.postgresURL = postgresURL
    }
}

/// An invariant a run broke: which, and the run's steps up to it, so the seed can be read and replayed.
package struct ChaosViolation: Error, Sendable, CustomStringConvertible {
    package var seed: UInt64
    package var invariant: String
    package var trace: [String]

    package init(seed: UInt64, invariant: String, trace: [String]) {
        self.seed = seed
        self.invariant = invariant
        self.trace = trace
    }

    package var description: String {
        "seed \(seed): \(invariant)\n" + trace.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
    }
}

/// What a run did, for the totals a report prints.
package struct ChaosTally: Sendable {
    package var settlements = 0
    package var outcomes: [String: Int] = [:]
    package var crashes = 0
    /// Replicas paused past their lease (on a shared ledger).
    package var pauses = 0
    /// Failures injected inside the ledger's database.
    package var injectedFaults = 0
    package var resolutions = 0
    /// Open batches: captures admitted, cutoffs closed (by the process that got there first), and
    /// tries of closes' batches ended.
    package var captures = 0
    package var cutoffsClosed = 0
    package var closeEndings = 0
    /// The run's steps (one run's: totals over many seeds keep none).
    package var trace: [String] = []

    package init() {}

    package mutating func add(_ other: ChaosTally) {
        settlements += other.settlements
        outcomes.merge(other.outcomes, uniquingKeysWith: +)
        crashes += other.crashes
        pauses += other.pauses
        injectedFaults += other.injectedFaults
        resolutions += other.resolutions
        captures += other.captures
        cutoffsClosed += other.cutoffsClosed
        closeEndings += other.closeEndings
    }
}
