import Foundation
import SettleAPI
import SettleDTO
import SettleLedger
import SettleLink
import SettleModel
import SettleRecords
import SettleService
import SettleSimulator

/// One seeded run: a real SQLite ledger, the real link and host state machines, and a schedule of
/// faults drawn from the seed. Settlements go through the steps the API takes (admit, mark
/// transmitting, the link, record the ending), and between any two of them the process may stop,
/// the ledger may fail a write, days may pass, or an operator may resolve what is in doubt by the
/// host's own records. The invariants are checked after every step.
package struct ChaosRun {
    let seed: UInt64
    let options: ChaosOptions
    private var random: ChaosRandom
    private var trace: [String] = []
    private var tally = ChaosTally()
    private let directory: String
    private var ledger: DatabaseLedger
    /// This seed's merchant number (seeds may share a PostgreSQL ledger) and key prefix.
    private let merchant: String
    private var restarts = 0
    /// The host's memory of accepted batches: it outlives every session and every restart of ours.
    private let registry = DuplicateBatchRegistry()
    private var day = LocalDate(year: 2026, month: 11, day: 2)
    private var clock: Double = 0
    /// What the host did with each attempt, by ledger entry: whether it captured the batch.
    private var captured: [String: Bool] = [:]
    /// Endings the ledger did not take yet (the API keeps trying them while the process lives).
    private var pendingEndings: [(String, LedgerOutcome)] = []

    static let keys = ["order-1", "order-2", "order-3", "order-4", "order-5"]
    static let terminals = ["1515", "1516"]

    /// Runs `seed`; returns what it did, or the first invariant it broke.
    package static func run(seed: UInt64, options: ChaosOptions) -> Result<ChaosTally, ChaosViolation> {
        do {
            var run = try ChaosRun(seed: seed, options: options)
            defer { try? FileManager.default.removeItem(atPath: run.directory) }
            return run.execute()
        } catch {
            return .failure(ChaosViolation(seed: seed, invariant: "the run could not start: \(error)", trace: []))
        }
    }

    private init(seed: UInt64, options: ChaosOptions) throws {
        self.seed = seed
        self.options = options
        random = ChaosRandom(seed: seed)
        directory = (options.directory as NSString).appendingPathComponent("seed-\(seed)-\(UUID().uuidString.prefix(8))")
        merchant = String(format: "8%011llu", (seed &+ options.merchantSalt &* 1_000_003) % 100_000_000_000)
        ledger = try SQLiteLedger(directory: directory, policy: options.policy)
        ledger = try openLedger()
    }

    /// The ledger as a (re)started process opens it: SQLite in the seed's directory, or the
    /// PostgreSQL ledger with a lease of this process's own.
    private mutating func openLedger() throws -> DatabaseLedger {
        guard let url = options.postgresURL else { return try SQLiteLedger(directory: directory, policy: options.policy) }
        let shared = try PostgresLedger(url: url, policy: options.policy, connections: 2)
        restarts += 1
        try shared.acquireLease(instance: "chaos-\(merchant)-\(restarts)", duration: .seconds(30), at: tick())
        return shared
    }

    private mutating func execute() -> Result<ChaosTally, ChaosViolation> {
        do {
            for _ in 0..<options.steps {
                try keepLeaseAlive()
                let roll = random.int(0...99)
                switch roll {
                case 0..<62: try settle()
                case 62..<70: try restart("the process stopped between settlements")
                case 70..<80: try resolveInDoubt()
                case 80..<90: advanceDays()
                default: retryEndings()
                }
                try checkLedger(final: false)
            }
            retryEndings()
            try restart("the run ends: a last start-up recovery")
            try resolveInDoubt()
            try checkLedger(final: true)
            tally.trace = trace
            return .success(tally)
        } catch let violation as ChaosViolation {
            return .failure(violation)
        } catch {
            return .failure(ChaosViolation(seed: seed, invariant: "the ledger failed: \(error)", trace: trace))
        }
    }

    // MARK: Steps

    /// Noon of the simulated day, a second further for every call (times order the entries).
    private mutating func tick() -> Date {
        clock += 1
        return Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 43_200 + clock)
    }

    /// A live replica renews its lease all the time (every ten seconds): between steps, however
    /// much simulated time passed, it holds a current one. (After a jump of days the renewal finds
    /// the old term lapsed and takes a new one, as a replica back from a pause would; nothing of
    /// this process's is between admission and sending at a step's start.)
    private mutating func keepLeaseAlive() throws {
        guard ledger.lease != nil else { return }
        _ = try ledger.renewLease(at: tick())
    }

    private mutating func advanceDays() {
        let days = random.int(1...3)
        day = LocalDate(daysSinceEpoch: day.daysSinceEpoch + days)
        trace.append("\(days) day(s) pass: \(day.iso)")
    }

    /// The process stops (nothing it held in memory survives) and starts again: start-up
    /// recovery turns what was being sent into `in_doubt` and what was not into `failed`.
    private mutating func restart(_ why: String) throws {
        tally.crashes += 1
        pendingEndings = []
        // A replica sharing PostgreSQL recovers a stopped one's entries once its lease lapsed.
        if options.postgresURL != nil { clock += 31 }
        ledger = try openLedger()
        let recovered = try ledger.recoverInterrupted(at: tick()).filter { $0.submission.merchantNumber == merchant }
        trace.append("\(why); restart recovers \(recovered.map { "\($0.id.suffix(6)) → \($0.state.rawValue)" })")
    }

    /// An operator checks TSYS reports (here: what the host captured) and resolves each in-doubt entry.
    private mutating func resolveInDoubt() throws {
        for entry in try ledger.list(LedgerQuery(merchantNumber: merchant, state: .inDoubt, limit: 500)).entries where entry.resolution == nil {
            let wasCaptured = captured[entry.id] ?? false
            _ = try ledger.resolve(entry.id, as: wasCaptured ? .captured : .notCaptured, note: "TSYS report", at: tick())
            tally.resolutions += 1
            trace.append("operator resolves \(entry.id.suffix(6)) as \(wasCaptured ? "captured" : "not captured")")
        }
    }

    private mutating func retryEndings() {
        var left: [(String, LedgerOutcome)] = []
        for (id, ending) in pendingEndings {
            if (try? ledger.complete(id, with: ending, at: tick())) == nil { left.append((id, ending)) }
        }
        if !pendingEndings.isEmpty { trace.append("endings written again: \(pendingEndings.count - left.count) of \(pendingEndings.count)") }
        pendingEndings = left
    }

    /// One settlement through the API's steps, with the faults the seed draws.
    private mutating func settle() throws {
        tally.settlements += 1
        let terminal = random.pick(Self.terminals)
        let automatic = random.chance(15)
        let number = random.int(1...3)
        let key = random.chance(80) ? "\(merchant)-" + random.pick(Self.keys) : nil
        let variant = random.int(0...1)
        let describe = "terminal \(terminal) batch \(automatic ? "auto" : String(number)) key \(key ?? "none") variant \(variant)"
        guard
            var encoded = ChaosDocuments.encoded(
                merchant: merchant, terminal: terminal, batchNumber: automatic ? nil : number, day: day, variant: variant)
        else { throw violation("the example document did not encode (\(describe))") }
        var submission = LedgerMapping.submission(
            encoded.batch, key: key, environment: "simulator",
            fingerprint: LedgerFingerprint.current("\(terminal)|\(automatic ? "auto" : String(number))|\(variant)"), profile: .standard)
        submission.allocatesBatchNumber = automatic
        // The ledger failing a write: the API answers 503 and sends nothing.
        if random.chance(4) {
            trace.append("settle \(describe): the ledger fails admission; nothing sent")
            return
        }
        let admission = try ledger.admit(submission, at: tick())
        guard case .admitted(let entry) = admission else {
            trace.append("settle \(describe): \(ChaosRun.label(admission))")
            return
        }
        if automatic {
            guard
                let renumbered = ChaosDocuments.encoded(
                    merchant: merchant, terminal: terminal, batchNumber: entry.submission.batchNumber, day: day, variant: variant)
            else { throw violation("the allocated number \(entry.submission.batchNumber) did not encode") }
            encoded = renumbered
        }
        let batch = "\(terminal)/\(encoded.batch.batchNumber)"
        trace.append("settle \(describe): admitted \(entry.id.suffix(6)) as batch \(batch)")
        if random.chance(15) { try race(submission, alongside: entry) }
        if random.chance(4) { return try restart("the process stopped after admitting \(entry.id.suffix(6))") }
        if random.chance(4) {
            // The marking fails: nothing is sent, and the entry ends failed with its key let go.
            let failure = LedgerOutcome(
                state: .failed, failure: "could not be marked", answer: LedgerAnswer(status: 503, body: []), releasesIdempotencyKey: true)
            record(entry.id, failure)
            trace.append("the ledger fails to mark \(entry.id.suffix(6)); nothing sent")
            return
        }
        try ledger.markTransmitting(entry.id, at: tick())
        if random.chance(4) { return try restart("the process stopped after marking \(entry.id.suffix(6)), before the link opened") }
        try checkNothingInDoubt(for: entry)
        var exchange = ChaosExchange(
            link: LinkSession(batch: encoded.encoded.framed),
            host: HostSession(script: hostScript(), registry: registry, judge: BatchJudge(today: day)))
        if random.chance(8) { exchange.dropAfterDeliveries = random.int(0...12) }
        if random.chance(5) { exchange.stopTerminalAfterDeliveries = random.int(0...12) }
        let ending = exchange.run()
        let responses = exchange.host.transcript.responses
        let tookIt = responses.contains { $0.code == .goodBatch }
        captured[entry.id] = tookIt
        if responses.contains(where: { $0.code == .duplicateBatch }) {
            throw violation("batch \(batch) went to the host again within five days of its acceptance (the host answered QD)")
        }
        guard case .finished(let result) = ending else {
            return try restart("the process stopped mid-session (\(entry.id.suffix(6)), host captured: \(tookIt))")
        }
        let outcome = SettlementOutcome(result, encoded: encoded.encoded)
        let state = LedgerMapping.outcome(outcome, answer: LedgerAnswer(status: 200, body: [])).state
        tally.outcomes[state.rawValue, default: 0] += 1
        trace.append("link: \(state.rawValue) (host captured: \(tookIt), responses \(responses.map(\.rawCode)))")
        switch state {
        case .accepted:
            if !tookIt { throw violation("\(entry.id.suffix(6)) reads accepted, but the host did not capture it") }
        case .failed, .rejected, .duplicate:
            if tookIt { throw violation("\(entry.id.suffix(6)) reads \(state.rawValue) (nothing captured), but the host captured it") }
        default: break
        }
        if random.chance(3) { return try restart("the process stopped before recording the ending of \(entry.id.suffix(6))") }
        record(entry.id, LedgerMapping.outcome(outcome, answer: LedgerAnswer(status: 200, body: [])))
    }

    /// Another replica (another connection, with a lease of its own on PostgreSQL) takes the same
    /// batch while this one is between admitting and sending it: under the same key, or another,
    /// or asking for a number. It must be refused, or given another number; what it admits ends
    /// `failed` here (its client went away), as nothing of it is sent.
    private mutating func race(_ submission: LedgerSubmission, alongside entry: LedgerEntry) throws {
        let other = try openOtherReplica()
        var racing = submission
        if random.chance(50) { racing.idempotencyKey = nil }
        if racing.allocatesBatchNumber && random.chance(50) {
            racing.allocatesBatchNumber = false
            racing.batchNumber = entry.submission.batchNumber
        }
        let admission = try other.admit(racing, at: tick())
        trace.append(
            "another replica races \(entry.id.suffix(6)) (key \(racing.idempotencyKey ?? "none"), \(racing.allocatesBatchNumber ? "auto" : "number \(racing.batchNumber)")): \(ChaosRun.label(admission))"
        )
        guard case .admitted(let second) = admission else { return }
        guard racing.allocatesBatchNumber, second.submission.batchNumber != entry.submission.batchNumber else {
            throw violation("two replicas admitted batch \(entry.submission.terminalNumber)/\(second.submission.batchNumber) at once")
        }
        captured[second.id] = false
        try other.complete(
            second.id, with: LedgerOutcome(state: .failed, failure: "the client went away", answer: LedgerAnswer(status: 499, body: [])), at: tick())
    }

    /// A second process on the same ledger.
    private mutating func openOtherReplica() throws -> DatabaseLedger {
        guard let url = options.postgresURL else { return try SQLiteLedger(directory: directory, policy: options.policy) }
        let other = try PostgresLedger(url: url, policy: options.policy, connections: 1)
        restarts += 1
        try other.acquireLease(instance: "chaos-\(merchant)-racer-\(restarts)", duration: .seconds(30), at: tick())
        return other
    }

    /// The ending, or a write the ledger fails now and takes later (as `EndingRecorder` retries).
    private mutating func record(_ id: String, _ ending: LedgerOutcome) {
        if random.chance(5) || (try? ledger.complete(id, with: ending, at: tick())) == nil {
            pendingEndings.append((id, ending))
            trace.append("the ledger fails to record the ending of \(id.suffix(6)); kept for a retry")
        }
    }

    /// The faults of one host session.
    private mutating func hostScript() -> SimulatorScript {
        var script = SimulatorScript()
        if random.chance(15) { script.nakTransmissions = random.int(1...4) }
        if random.chance(6) { script.disconnectAfterBlocks = random.int(1...3) }
        if random.chance(3) { script.sendsEnquiry = false }
        if random.chance(3) { script.refusesSession = true }
        if random.chance(10) {
            script.processingDelay = .seconds(random.int(5...200))
            script.processingInterval = .seconds(random.int(2...40))
        }
        if random.chance(8) { script.corruptResponses = random.int(1...2) }
        if random.chance(4) { script.truncatesResponse = true }
        if random.chance(4) { script.earlyRejectionAtBlock = random.int(1...3) }
        if random.chance(20) { script.acknowledgesTrailer = false }
        return script
    }

    // MARK: Invariants

    /// Before the link opens: no earlier attempt at the same batch is unresolved in doubt (an
    /// in-doubt batch is never sent again by itself), and none was captured within five days.
    private func checkNothingInDoubt(for entry: LedgerEntry) throws {
        let s = entry.submission
        let page = try ledger.list(LedgerQuery(merchantNumber: merchant, terminalNumber: s.terminalNumber, limit: 500))
        for earlier in page.entries where earlier.id != entry.id && earlier.submission.batchNumber == s.batchNumber {
            if earlier.state == .inDoubt && earlier.resolution == nil {
                throw violation("batch \(s.terminalNumber)/\(s.batchNumber) is being sent while \(earlier.id.suffix(6)) is in doubt")
            }
            let days = abs(earlier.submission.batchDate.daysSinceEpoch - s.batchDate.daysSinceEpoch)
            if captured[earlier.id] == true && days < DuplicateBatchRegistry.window {
                throw violation(
                    "batch \(s.terminalNumber)/\(s.batchNumber) is being sent again \(days) day(s) after \(earlier.id.suffix(6)) was captured")
            }
        }
    }

    /// The ledger against the host's truth, after every step; at the end, every entry has ended.
    private func checkLedger(final: Bool) throws {
        var cursor: String?
        var keys = Set<String>()
        repeat {
            let page = try ledger.list(LedgerQuery(merchantNumber: merchant, limit: 500, cursor: cursor))
            for entry in page.entries {
                let id = entry.id.suffix(6)
                if final && (entry.state == .received || entry.state == .transmitting) {
                    throw violation("\(id) is still \(entry.state.rawValue) after the last recovery")
                }
                if let key = entry.submission.idempotencyKey, !keys.insert(key).inserted { throw violation("two entries hold key \(key)") }
                let wasCaptured = captured[entry.id] ?? false
                switch entry.state {
                case .accepted:
                    guard wasCaptured else { throw violation("\(id) is recorded accepted, but the host did not capture it") }
                    let s = entry.submission
                    guard entry.outcome?.responseNetDeposit == s.netDeposit.magnitude.int64, entry.outcome?.responseRecordCount == s.recordCount
                    else { throw violation("\(id)'s totals (\(s.netDeposit), \(s.recordCount) records) differ from the host's answer") }
                case .failed, .rejected, .duplicate:
                    if wasCaptured { throw violation("\(id) is recorded \(entry.state.rawValue), but the host captured it") }
                case .inDoubt:
                    if let resolution = entry.resolution, (resolution == LedgerResolution.captured.rawValue) != wasCaptured {
                        throw violation("\(id) is resolved \(resolution) against the host's records")
                    }
                case .received, .transmitting: break
                }
            }
            cursor = page.nextCursor
        } while cursor != nil
        if final { try checkNoCardNumberStored() }
    }

    /// No full card number in any byte the ledger keeps (SQLite: the database and its write-ahead
    /// log; PostgreSQL: every row as text, stored answers decoded).
    private func checkNoCardNumberStored() throws {
        var stored: [Data] = []
        if let sqlite = ledger as? SQLiteLedger {
            stored = ["", "-wal"].compactMap { FileManager.default.contents(atPath: sqlite.path + $0) }
        } else if let postgres = ledger as? PostgresLedger {
            stored = [Data(try postgres.storedText().utf8)]
        }
        for bytes in stored {
            for number in ChaosDocuments.cardNumbers where bytes.range(of: Data(number.utf8)) != nil {
                throw violation("the ledger holds a full card number")
            }
        }
    }

    private func violation(_ invariant: String) -> ChaosViolation {
        ChaosViolation(seed: seed, invariant: invariant, trace: trace)
    }

    static func label(_ admission: LedgerAdmission) -> String {
        switch admission {
        case .admitted: "admitted"
        case .replay(let entry): "replayed \(entry.id.suffix(6)) (\(entry.state.rawValue))"
        case .keyReused: "refused: key reused"
        case .inFlight(let entry): "refused: \(entry.id.suffix(6)) in flight"
        case .alreadyAccepted(let entry): "refused: accepted as \(entry.id.suffix(6))"
        case .unresolvedInDoubt(let entry): "refused: \(entry.id.suffix(6)) in doubt"
        }
    }
}

extension UInt64 {
    fileprivate var int64: Int64 { Int64(clamping: self) }
}
