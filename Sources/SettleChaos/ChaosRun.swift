import Foundation
import SettleAPI
import SettleDTO
import SettleLedger
import SettleLink
import SettleModel
import SettleRecords
import SettleService
import SettleSimulator

/// One seeded run: the real ledger (a SQLite file, or PostgreSQL shared by two replicas), the real
/// link and host state machines, and a schedule of faults drawn from the seed. Settlements go
/// through the steps the API takes (admit, mark transmitting, the link, record the ending), several
/// at once in each process and interleaved a step at a time; between any two steps a process may
/// stop, pause past its lease, meet a failure inside the ledger's database, or days may pass, or
/// an operator may resolve what is in doubt by the host's own records. The invariants are checked
/// after every step.
package struct ChaosRun {
    let seed: UInt64
    let options: ChaosOptions
    private var random: ChaosRandom
    private var trace: [String] = []
    private var tally = ChaosTally()
    private let directory: String
    private var processes: [ChaosProcess] = []
    /// This seed's merchant number (seeds may share a PostgreSQL ledger).
    private let merchant: String
    private var starts = 0
    /// The host's memory of accepted batches: it outlives every session and every restart of ours.
    private let registry = DuplicateBatchRegistry()
    private var day = LocalDate(year: 2026, month: 11, day: 2)
    private var clock: Double = 0
    /// Whether the host captured each attempt, by ledger entry, once its session is over.
    private var captured: [String: Bool] = [:]
    /// The webhook outbox's deliveries, with an endpoint of this seed's own.
    private var webhooks: ChaosWebhooks
    /// A merchant's open batches, captured into and closed by every process.
    private var closes: ChaosCloses

    static let keys = ["order-1", "order-2", "order-3", "order-4", "order-5"]
    static let terminals = ["1515", "1516"]
    /// Settlements one process has in hand at once.
    static let flightsPerProcess = 3
    /// Past a replica's lease (30 s), for stops and pauses on a shared ledger.
    static let leaseLapse: Double = 31

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
        webhooks = ChaosWebhooks(endpoint: "whe_\(merchant)0000")
        closes = ChaosCloses(merchant: merchant)
        // SQLite belongs to one process; PostgreSQL is shared by two replicas.
        for name in isShared ? ["A", "B"] : ["A"] {
            let ledger = try openLedger(for: name)
            _ = try ledger.recoverInterrupted(at: tick())
            processes.append(ChaosProcess(name: name, ledger: ledger))
        }
        try processes[0].ledger.registerWebhookEndpoint(id: webhooks.endpoint, url: "https://chaos.invalid/\(merchant)", at: tick())
        try closes.register(processes[0].ledger, at: tick())
    }

    private var isShared: Bool { options.postgresURL != nil }

    /// The ledger as a (re)started process opens it: SQLite in the seed's directory, or the
    /// PostgreSQL ledger with a lease of this process's own.
    private mutating func openLedger(for name: String) throws -> DatabaseLedger {
        guard let url = options.postgresURL else { return try SQLiteLedger(directory: directory, policy: options.policy) }
        let shared = try PostgresLedger(url: url, policy: options.policy, connections: 2)
        starts += 1
        try shared.acquireLease(instance: "chaos-\(merchant)-\(name)\(starts)", duration: .seconds(30), at: tick())
        return shared
    }

    private mutating func execute() -> Result<ChaosTally, ChaosViolation> {
        do {
            for _ in 0..<options.steps {
                try tend()
                let p = random.int(0...(processes.count - 1))
                switch random.int(0...99) {
                case 0..<30: try admitSettlement(on: p)
                case 30..<52: try advanceSomeFlight()
                case 52..<66: try tendOpenBatches(p)
                case 66..<71: try restart(p, "process \(processes[p].name) stops")
                case 71..<74: try pause(p)
                case 74..<81: try resolveInDoubt()
                case 81..<88: try advanceDays()
                case 88..<94: try deliverWebhooks(p, failing: 30)
                default: retryEndings(p)
                }
                try checkLedger(final: false)
            }
            try finishAllFlights()
            for p in processes.indices { retryEndings(p) }
            try restartAll("the run ends: a last start-up recovery")
            try resolveInDoubt()
            try checkLedger(final: true)
            try finishWebhooks()
            try checkOpenBatches()
            tally.trace = trace
            return .success(tally)
        } catch let violation as ChaosViolation {
            return .failure(violation)
        } catch {
            return .failure(ChaosViolation(seed: seed, invariant: "the ledger failed: \(error)", trace: trace))
        }
    }

    // MARK: Time and processes

    /// Noon of the simulated day, a second further for every call (times order the entries).
    private mutating func tick() -> Date {
        clock += 1
        return now
    }

    private var now: Date { Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 43_200 + clock) }

    /// What each live process does all the time (every ten seconds, as `LedgerService`): renew
    /// its lease (after a pause it finds it lapsed and takes a new term), then recover what
    /// lapsed replicas left and admissions left unsent.
    private mutating func tend() throws {
        for p in processes.indices { try tend(p) }
    }

    private mutating func tend(_ p: Int) throws {
        let ledger = processes[p].ledger
        if ledger.lease != nil, case .lapsed(let previous, let lease) = try ledger.renewLease(at: tick()) {
            trace.append("process \(processes[p].name)'s lease had lapsed (term \(previous)); it holds term \(lease.term) now")
        }
        let recovered = try ledger.recoverInterrupted(at: tick()).filter { $0.submission.merchantNumber == merchant }
        if !recovered.isEmpty { trace.append("process \(processes[p].name) recovers \(Self.describe(recovered))") }
    }

    /// `seconds` pass; every process but `paused` renews its lease meanwhile, every ten seconds.
    private mutating func pass(_ seconds: Double, renewingAllBut paused: Int?) throws {
        var left = seconds
        while left > 0 {
            clock += min(left, 10)
            left -= 10
            for q in processes.indices where q != paused && processes[q].ledger.lease != nil { _ = try processes[q].ledger.renewLease(at: now) }
        }
    }

    /// Process `p` stops (nothing it held in memory survives) and starts again: its sessions end
    /// with it, and start-up recovery turns what was being sent into `in_doubt` and what was not
    /// into `failed` (on a shared ledger, once its old lease lapsed).
    private mutating func restart(_ p: Int, _ why: String) throws {
        tally.crashes += 1
        try stop(p)
        if isShared { try pass(Self.leaseLapse, renewingAllBut: p) }
        try start(p, why)
    }

    /// Every process stops, and starts again once their leases lapsed.
    private mutating func restartAll(_ why: String) throws {
        for p in processes.indices { try stop(p) }
        if isShared { clock += Self.leaseLapse }
        for p in processes.indices { try start(p, why) }
    }

    private mutating func stop(_ p: Int) throws {
        for flight in processes[p].flights {
            if case .linking(var exchange) = flight.stage {
                exchange.terminalProcessStopped()
                try hostVerdict(exchange, for: flight)
            } else {
                captured[flight.id] = false
            }
        }
        processes[p].flights = []
        processes[p].pendingEndings = []
    }

    private mutating func start(_ p: Int, _ why: String) throws {
        processes[p].ledger = try openLedger(for: processes[p].name)
        processes[p].incarnation += 1
        // Start-up recovery may meet a failure in the ledger too: the process then fails to
        // start, and is started again.
        while true {
            let fault = inject(into: p, percent: 10)
            do {
                let recovered = try processes[p].ledger.recoverInterrupted(at: tick()).filter { $0.submission.merchantNumber == merchant }
                trace.append("\(why); process \(processes[p].name) restarts and recovers \(Self.describe(recovered))")
                return
            } catch {
                guard let fault else { throw error }
                trace.append("process \(processes[p].name)'s start-up recovery fails (\(fault)); it starts again")
            }
        }
    }

    /// Process `p` pauses (a long collection, a stalled VM) past its lease while another replica
    /// runs on, recovering what `p` had admitted; `p` then resumes where it was.
    private mutating func pause(_ p: Int) throws {
        guard isShared, processes.count > 1 else { return try advanceSomeFlight() }
        tally.pauses += 1
        try pass(Self.leaseLapse, renewingAllBut: p)
        let q = (p + 1) % processes.count
        let recovered = try processes[q].ledger.recoverInterrupted(at: tick()).filter { $0.submission.merchantNumber == merchant }
        trace.append(
            "process \(processes[p].name) pauses past its lease (holding \(processes[p].flights.map { "\($0.short)" })); \(processes[q].name) recovers \(Self.describe(recovered))"
        )
    }

    /// Days pass, once the day's settlements have finished (a session lasts minutes, not days).
    private mutating func advanceDays() throws {
        try finishAllFlights()
        let days = random.int(1...3)
        day = LocalDate(daysSinceEpoch: day.daysSinceEpoch + days)
        trace.append("\(days) day(s) pass: \(day.iso)")
        try tend()
    }

    /// An operator checks TSYS reports (here: what the host captured) and resolves each in-doubt
    /// entry whose session is over.
    private mutating func resolveInDoubt() throws {
        let live = Set(processes.flatMap { $0.flights.map(\.id) })
        let p = random.int(0...(processes.count - 1))
        for entry in try processes[p].ledger.list(LedgerQuery(merchantNumber: merchant, state: .inDoubt, limit: 500)).entries
        where entry.resolution == nil && !live.contains(entry.id) {
            let wasCaptured = captured[entry.id] ?? false
            let fault = inject(into: p, percent: 5)
            do {
                _ = try processes[p].ledger.resolve(entry.id, as: wasCaptured ? .captured : .notCaptured, note: "TSYS report", at: tick())
                tally.resolutions += 1
                trace.append("operator resolves \(entry.id.suffix(6)) as \(wasCaptured ? "captured" : "not captured")")
            } catch {
                guard let fault else { throw error }
                trace.append("the ledger fails the operator's resolution of \(entry.id.suffix(6)) (\(fault))")
            }
        }
    }

    /// The endings the ledger did not take, written again.
    private mutating func retryEndings(_ p: Int) {
        let pending = processes[p].pendingEndings
        processes[p].pendingEndings = []
        for (id, ending) in pending { record(p, id, ending, retry: true) }
    }

    /// The ending, or a write the ledger fails now and takes later (as `EndingRecorder` retries).
    private mutating func record(_ p: Int, _ id: String, _ ending: LedgerOutcome, retry: Bool = false) {
        let fault = inject(into: p, percent: 10)
        do {
            try processes[p].ledger.complete(id, with: ending, at: tick())
            if retry { trace.append("the ending of \(id.suffix(6)) is written again") }
        } catch {
            processes[p].pendingEndings.append((id, ending))
            trace.append("the ledger fails to record the ending of \(id.suffix(6)) (\(fault.map { "\($0)" } ?? "\(error)")); kept for a retry")
        }
    }

    /// A failure inside the ledger's database for `p`'s next call, `percent` times in a hundred:
    /// one of its statements fails (rolled back), or its answer is lost after it committed.
    private mutating func inject(into p: Int, percent: Int) -> LedgerFault? {
        guard random.chance(percent) else { return nil }
        let fault: LedgerFault = random.chance(30) ? .answerLost : .statement(random.int(1...6))
        processes[p].ledger.injectFault(fault)
        tally.injectedFaults += 1
        return fault
    }

    // MARK: Open batches

    /// One step of the merchant's open batches on process `p`: a capture or void, its cutoff
    /// closed, closes claimed, or a try of a close's batch ended; a failure inside the ledger now
    /// and then.
    private mutating func tendOpenBatches(_ p: Int) throws {
        let fault = inject(into: p, percent: 6)
        let ledger = processes[p].ledger, claimant = "\(processes[p].name)\(processes[p].incarnation)"
        do {
            let line: String
            switch random.int(0...9) {
            case 0...3: line = try closes.capture(ledger, at: tick(), random: &random)
            case 4...5: line = try closes.cutoff(ledger, claimant: claimant, at: tick(), batchSize: random.int(1...4))
            case 7: line = try closes.claim(ledger, claimant: claimant, at: tick())
            default: line = try closes.end(ledger, at: tick(), random: &random)
            }
            trace.append(line)
            if line.contains(": admitted") { tally.captures += 1 }
            if line.contains("closes the cutoff") { tally.cutoffsClosed += 1 }
            if line.hasPrefix("close ") { tally.closeEndings += 1 }
        } catch let broken as ChaosCloses.Broken {
            throw violation(broken.invariant)
        } catch {
            guard let fault else { throw error }
            trace.append("\(claimant)'s open-batch step meets a failure in the ledger (\(fault))")
        }
        try checkOpenBatches()
    }

    private mutating func checkOpenBatches() throws {
        do {
            try closes.check(processes[0].ledger)
        } catch let broken as ChaosCloses.Broken {
            throw violation(broken.invariant)
        }
    }

    // MARK: Webhooks

    /// A dispatcher pass of process `p`: the receiver fails `failing` tries in a hundred; the
    /// process may stop between its claim and its tries, or meet a failure inside the ledger.
    private mutating func deliverWebhooks(_ p: Int, failing: Int, faults: Bool = true) throws {
        let stops = faults && random.chance(5)
        let fault = faults ? inject(into: p, percent: 6) : nil
        let claimant = "\(processes[p].name)\(processes[p].incarnation)"
        do {
            trace.append(try webhooks.pass(processes[p].ledger, claimant: claimant, now: tick(), failing: failing, stops: stops, random: &random))
        } catch let broken as ChaosWebhooks.Broken {
            throw violation(broken.invariant)
        } catch {
            guard let fault else { throw error }
            trace.append("\(claimant)'s webhook pass meets a failure in the ledger (\(fault))")
        }
        if stops { try restart(p, "process \(processes[p].name) stops with deliveries claimed") }
    }

    /// At the end, with every process up and the receiver answering: passes (a minute apart, so
    /// claims run out and retries fall due) until nothing is pending; every event was delivered.
    private mutating func finishWebhooks() throws {
        for _ in 0..<60 {
            guard
                try processes[0].ledger.webhookOutboxStatus(endpoints: [webhooks.endpoint]).pending > 0
                    || processes[0].ledger.scheduleWebhookDeliveries(endpoint: webhooks.endpoint, types: [], at: now) > 0
            else { break }
            clock += ChaosWebhooks.claimFor + 1
            for p in processes.indices { try deliverWebhooks(p, failing: 0, faults: false) }
        }
        let events = try announcements().values.flatMap { $0 }
        do {
            try webhooks.checkEveryEventDelivered(events, in: processes[0].ledger)
        } catch let broken as ChaosWebhooks.Broken {
            throw violation(broken.invariant)
        }
    }

    // MARK: Settlements

    /// A new settlement on process `p`, admitted (or refused) by the ledger.
    private mutating func admitSettlement(on p: Int) throws {
        guard processes[p].flights.count < Self.flightsPerProcess else { return try advanceSomeFlight() }
        tally.settlements += 1
        let terminal = random.pick(Self.terminals)
        let automatic = random.chance(15)
        let number = random.int(1...3)
        // A retry under a key used before (or another request reusing it), a fresh key, or none.
        let key =
            random.chance(40)
            ? "\(merchant)-" + random.pick(Self.keys) : random.chance(70) ? "\(merchant)-fresh-\(tally.settlements)" : nil
        let variant = random.int(0...1)
        let describe =
            "\(processes[p].name): terminal \(terminal) batch \(automatic ? "auto" : String(number)) key \(key ?? "none") variant \(variant)"
        guard
            var encoded = ChaosDocuments.encoded(
                merchant: merchant, terminal: terminal, batchNumber: automatic ? nil : number, day: day, variant: variant)
        else { throw violation("the example document did not encode (\(describe))") }
        var submission = LedgerMapping.submission(
            encoded.batch, key: key, environment: "simulator",
            fingerprint: LedgerFingerprint.current("\(terminal)|\(automatic ? "auto" : String(number))|\(variant)"), profile: .standard)
        submission.allocatesBatchNumber = automatic
        let fault = inject(into: p, percent: 6)
        let ledger = processes[p].ledger
        let at = tick()
        let attempt = Result { () throws(LedgerError) in try ledger.admit(submission, at: at) }
        guard case .success(let admission) = attempt else {
            // The API answers 503 and sends nothing (a lost answer leaves a `received` entry,
            // which recovery fails once stale). A failure nobody injected is the ledger's own.
            guard let fault else { throw violation("the ledger failed an admission: \(attempt)") }
            trace.append("settle \(describe): the ledger fails admission (\(fault)); 503, nothing sent")
            return
        }
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
        let flight = ChaosFlight(id: entry.id, terminal: terminal, encoded: encoded, day: day)
        processes[p].flights.append(flight)
        trace.append("settle \(describe): admitted \(flight.short) as batch \(flight.batch)")
    }

    /// One step of a settlement some process has in hand (or a new one, when none has).
    private mutating func advanceSomeFlight() throws {
        let holding = processes.indices.filter { !processes[$0].flights.isEmpty }
        guard !holding.isEmpty else { return try admitSettlement(on: random.int(0...(processes.count - 1))) }
        let p = random.pick(holding)
        try advance(p, random.int(0...(processes[p].flights.count - 1)))
    }

    /// Every settlement in hand runs to its end.
    private mutating func finishAllFlights() throws {
        var steps = 0
        while let p = processes.indices.first(where: { !processes[$0].flights.isEmpty }), steps < 100_000 {
            steps += 1
            try advance(p, 0)
        }
    }

    /// Moves flight `f` of process `p` one stage on: the marking, the link opening, or some of
    /// its session's events.
    private mutating func advance(_ p: Int, _ f: Int) throws {
        var flight = processes[p].flights[f]
        switch flight.stage {
        case .admitted:
            let fault = inject(into: p, percent: 6)
            do {
                try processes[p].ledger.markTransmitting(flight.id, at: tick())
            } catch {
                // Refused by the fencing check after a pause, or failed inside the ledger:
                // nothing is sent, and the entry ends failed with its key let go (as the API does).
                processes[p].flights.remove(at: f)
                captured[flight.id] = false
                trace.append("the marking of \(flight.short) fails (\(fault.map { "\($0)" } ?? error.message)); nothing sent")
                let failure = LedgerOutcome(
                    state: .failed, failure: "could not be marked", answer: LedgerAnswer(status: 503, body: []), releasesIdempotencyKey: true)
                return record(p, flight.id, failure)
            }
            try checkBeforeSending(flight)
            flight.stage = .marked
            trace.append("\(processes[p].name) marks \(flight.short) transmitting")
            if random.chance(4) {
                processes[p].flights[f] = flight
                return try restart(p, "process \(processes[p].name) stops after marking \(flight.short), before the link opened")
            }
        case .marked:
            var exchange = ChaosExchange(
                link: LinkSession(batch: flight.encoded.encoded.framed),
                host: HostSession(script: hostScript(), registry: registry, judge: BatchJudge(today: flight.day)))
            if random.chance(8) { exchange.dropAfterDeliveries = random.int(0...12) }
            if random.chance(5) { exchange.stopTerminalAfterDeliveries = random.int(0...12) }
            flight.stage = .linking(exchange)
            trace.append("\(processes[p].name) opens the link for \(flight.short) (batch \(flight.batch))")
        case .linking(var exchange):
            guard let ending = exchange.advance(events: random.int(1...24)) else {
                flight.stage = .linking(exchange)
                break
            }
            processes[p].flights.remove(at: f)
            return try conclude(p, flight, ending, exchange)
        }
        processes[p].flights[f] = flight
    }

    /// Whether the host captured `flight`'s batch in `exchange`; a QD answer means it went to the
    /// host again within five days of its acceptance.
    @discardableResult
    private mutating func hostVerdict(_ exchange: ChaosExchange, for flight: ChaosFlight) throws -> Bool {
        let responses = exchange.host.transcript.responses
        if responses.contains(where: { $0.code == .duplicateBatch }) {
            throw violation("batch \(flight.batch) went to the host again within five days of its acceptance (the host answered QD)")
        }
        let tookIt = responses.contains { $0.code == .goodBatch }
        captured[flight.id] = tookIt
        return tookIt
    }

    /// A session's end: the ledger's reading of it must match what the host did.
    private mutating func conclude(_ p: Int, _ flight: ChaosFlight, _ ending: ChaosExchange.Ending, _ exchange: ChaosExchange) throws {
        let tookIt = try hostVerdict(exchange, for: flight)
        guard case .finished(let result) = ending else {
            return try restart(p, "process \(processes[p].name) stops mid-session (\(flight.short), host captured: \(tookIt))")
        }
        let outcome = SettlementOutcome(result, encoded: flight.encoded.encoded)
        let ending = LedgerMapping.outcome(outcome, answer: LedgerAnswer(status: 200, body: []))
        tally.outcomes[ending.state.rawValue, default: 0] += 1
        trace.append(
            "\(flight.short)'s link ends \(ending.state.rawValue) (host captured: \(tookIt), responses \(exchange.host.transcript.responses.map(\.rawCode)))"
        )
        switch ending.state {
        case .accepted:
            if !tookIt { throw violation("\(flight.short) reads accepted, but the host did not capture it") }
        case .failed, .rejected, .duplicate:
            if tookIt { throw violation("\(flight.short) reads \(ending.state.rawValue) (nothing captured), but the host captured it") }
        default: break
        }
        if random.chance(3) { return try restart(p, "process \(processes[p].name) stops before recording the ending of \(flight.short)") }
        record(p, flight.id, ending)
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

    /// Once marked, before the link opens: no other settlement of the same batch is on its way to
    /// the host (in any process), no earlier attempt is unresolved in doubt (an in-doubt batch is
    /// never sent again by itself), and none was captured within five days.
    private func checkBeforeSending(_ flight: ChaosFlight) throws {
        for other in processes.flatMap(\.flights) where other.id != flight.id && other.isSending && other.batch == flight.batch {
            throw violation("batch \(flight.batch) is being sent by \(flight.short) while \(other.short) is sending it too")
        }
        let page = try processes[0].ledger.list(LedgerQuery(merchantNumber: merchant, terminalNumber: flight.terminal, limit: 500))
        let batchNumber = flight.encoded.batch.batchNumber
        for earlier in page.entries where earlier.id != flight.id && earlier.submission.batchNumber == batchNumber {
            if earlier.state == .inDoubt && earlier.resolution == nil {
                throw violation("batch \(flight.batch) is being sent while \(earlier.id.suffix(6)) is in doubt")
            }
            let days = abs(earlier.submission.batchDate.daysSinceEpoch - flight.day.daysSinceEpoch)
            if captured[earlier.id] == true && days < DuplicateBatchRegistry.window {
                throw violation("batch \(flight.batch) is being sent again \(days) day(s) after \(earlier.id.suffix(6)) was captured")
            }
        }
    }

    /// The ledger against the host's truth, after every step; at the end, every entry has ended.
    private func checkLedger(final: Bool) throws {
        let live = Set(processes.flatMap { $0.flights.map(\.id) })
        let events = try announcements()
        var cursor: String?
        var keys = Set<String>()
        repeat {
            let page = try processes[0].ledger.list(LedgerQuery(merchantNumber: merchant, limit: 500, cursor: cursor))
            for entry in page.entries {
                let id = entry.id.suffix(6)
                if final && (entry.state == .received || entry.state == .transmitting) {
                    throw violation("\(id) is still \(entry.state.rawValue) after the last recovery")
                }
                // An admission nobody will send may not hold its key and batch number for long.
                let stale = now.timeIntervalSince(entry.updatedAt) > Double(DatabaseLedger.staleAdmissionLimit.components.seconds) + 60
                if entry.state == .received && !live.contains(entry.id) && stale {
                    throw violation("\(id) was left received since \(entry.updatedAt), holding its batch number")
                }
                if let key = entry.submission.idempotencyKey, !keys.insert(key).inserted { throw violation("two entries hold key \(key)") }
                try checkEvents(events[entry.id] ?? [], of: entry)
                // A session still under way has no verdict yet.
                guard !live.contains(entry.id) else { continue }
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

    /// This seed's events, by settlement, in order; their numbers only grow.
    private func announcements() throws -> [String: [LedgerEvent]] {
        var bySettlement: [String: [LedgerEvent]] = [:]
        var after: Int64?
        while true {
            let page = try processes[0].ledger.events(LedgerEventQuery(after: after, merchantNumber: merchant, limit: 500))
            for event in page.events {
                if let last = after, event.sequence <= last { throw violation("event \(event.sequence) follows event \(last)") }
                after = event.sequence
                bySettlement[event.settlementID, default: []].append(event)
            }
            if !page.hasMore { return bySettlement }
        }
    }

    /// No event lost and none invented: an entry on its way has none; an ended one announced each
    /// change of its state once, the last its state now, and its resolution once if it has one.
    private func checkEvents(_ events: [LedgerEvent], of entry: LedgerEntry) throws {
        let id = entry.id.suffix(6)
        let changes = events.filter { $0.type != .resolved }
        let resolutions = events.count - changes.count
        switch entry.state {
        case .received, .transmitting:
            if !events.isEmpty { throw violation("\(id) is \(entry.state.rawValue) but announced \(events.map(\.type.rawValue))") }
        default:
            guard changes.last?.state == entry.state else {
                throw violation("\(id) is \(entry.state.rawValue) but its events say \(events.map(\.type.rawValue))")
            }
        }
        for (earlier, later) in zip(changes, changes.dropFirst()) where earlier.state == later.state {
            throw violation("\(id)'s change to \(later.state?.rawValue ?? "?") was announced twice")
        }
        if resolutions != (entry.resolution == nil ? 0 : 1) {
            throw violation("\(id) has \(resolutions) resolution event(s), resolved: \(entry.resolution ?? "no")")
        }
    }

    /// No full card number in any byte the ledger keeps (SQLite: the database and its write-ahead
    /// log; PostgreSQL: every row as text, stored answers decoded).
    private func checkNoCardNumberStored() throws {
        var stored: [Data] = []
        let ledger = processes[0].ledger
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

    static func describe(_ entries: [LedgerEntry]) -> String {
        "\(entries.map { "\($0.id.suffix(6)) → \($0.state.rawValue)" })"
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
