import Foundation
import InMemoryLogging
import Logging
import SettleDTO
import SettleFraming
import SettleModel
import SettleRecords
import SettleService
import SettleSimulator
import SettleTestSupport
import SettleTransport
import Testing

/// The service's settle path against the simulator over real TLS, and what it reports.
@Suite(.serialized) struct SettlerTests {
    static let judge = BatchJudge(today: SampleBatches.july26)

    func settle(_ batch: Batch, script: SimulatorScript = .standard, trace: PacketTrace? = nil) throws -> SettlementOutcome {
        let server = try SimulatorServer(script: script, judge: Self.judge)
        defer { server.stop() }
        let settler = Settler(endpoint: .simulator, simulator: (server.port, server.certificatePEM))
        return settler.settle(try BatchEncoder().encode(batch), trace: trace)
    }

    static let batch = SampleBatches.batch(.retail, [SampleBatches.sale(), SampleBatches.sale("5555555555554444", amount: 4000, number: 2)])

    @Test func aGoodBatchIsAcceptedAndItsTotalsMatch() throws {
        let outcome = try settle(Self.batch)
        #expect(outcome.exitCode == 0)
        let result = SettlementResultDTO(outcome, environment: "simulator", totals: BatchTotals(details: Self.batch.detailRecords))
        #expect(result.outcome == "accepted")
        #expect(result.responseCode == "GB")
        #expect(result.totalsMatch == true)
        #expect(result.environment == "simulator")
    }

    @Test func outcomesMapToTheirExitCodes() throws {
        var early = SimulatorScript()
        early.earlyRejectionAtBlock = 2
        let rejected = try settle(Self.batch, script: early)
        #expect(rejected.exitCode == 2)
        guard case .rejected(_, let index) = rejected else { return #expect(Bool(false)) }
        #expect(index == 1)  // block 2 holds the parameter and both details: the last record received is detail 1

        var drop = SimulatorScript()
        drop.disconnectAfterBlocks = 1
        #expect(try settle(Self.batch, script: drop).exitCode == 4)

        var silent = SimulatorScript()
        silent.disconnectAfterBlocks = 3  // the header, the parameter with both details, the trailer
        let inDoubt = try settle(Self.batch, script: silent)
        #expect(inDoubt.exitCode == 5)
        let result = SettlementResultDTO(inDoubt, environment: "simulator", totals: BatchTotals(details: Self.batch.detailRecords))
        #expect(result.failure?.inDoubt == true)
        #expect(result.outcome == "inDoubt")
    }

    /// A library caller's connection timeout may be any duration: the socket waits and the
    /// gateway's libcurl timeouts are worked out without overflowing (issue 10).
    @Test(arguments: [false, true])
    func anEnormousConnectionTimeoutStillSettles(httpPost: Bool) throws {
        let server = try SimulatorServer(service: httpPost ? .httpPost : .socket, judge: Self.judge)
        defer { server.stop() }
        var settler = Settler(endpoint: .simulator, usesHTTPPost: httpPost, connectionTimeout: .seconds(Int64.max))
        settler.simulator = (server.port, server.certificatePEM)
        #expect(settler.settle(try BatchEncoder().encode(Self.batch)).exitCode == 0)
    }

    @Test func nothingListeningIsAFailureWithTheTCPCode() {
        let settler = Settler(endpoint: .custom(host: "127.0.0.1", port: 9), connectionTimeout: .seconds(2))
        let outcome = settler.settle(try! BatchEncoder().encode(Self.batch))
        guard case .failed(let code, _) = outcome else { return #expect(Bool(false), "\(outcome)") }
        #expect(code == .connectionRefused)
    }

    @Test func theTraceShowsEveryPacketWithCardNumbersMasked() throws {
        let trace = PacketTrace()
        _ = try settle(Self.batch, trace: trace)
        let text = trace.entries.joined(separator: "\n")
        #expect(trace.entries.first?.hasPrefix("-- connected to 127.0.0.1:") == true)
        #expect(trace.entries.contains { $0.hasPrefix("-- TLS TLSv1.3") })
        #expect(trace.entries.contains { $0.hasPrefix("-- host certificate /O=tsys-settle simulator/CN=localhost") })
        #expect(trace.entries.contains("<< <ENQ>"))
        #expect(trace.entries.contains(">> <ACK><EOT>"))
        #expect(trace.entries.last == "-- disconnected")
        #expect(text.contains("411111******1111"))
        #expect(text.contains("555555******4444"))
        for detail in Self.batch.detailRecords { #expect(!text.contains(detail.cardNumber.digits)) }
    }

    @Test func presetsNameTheirEnvironments() {
        #expect(ProcessorEndpoint(name: "tsys-live")?.socketAddress?.host == "ssl2.vitalps.net")
        #expect(ProcessorEndpoint(name: "tsys-test")?.socketAddress?.port == 5004)
        #expect(ProcessorEndpoint(name: "heartland-live")?.socketAddress?.port == 22342)
        #expect(ProcessorEndpoint(name: "tsys-test")?.environment == "test")
        #expect(ProcessorEndpoint(name: "custom", host: "10.0.0.1", port: 5000) == .custom(host: "10.0.0.1", port: 5000))
        #expect(ProcessorEndpoint(name: "custom", host: nil, port: 5000) == nil)
        #expect(ProcessorEndpoint(name: "elsewhere") == nil)
    }

    @Test func aKeyLogFileReceivesSessionSecretsAndIsAnnounced() throws {
        let directory = Scratch.url("keylog")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("keys.log").path
        let server = try SimulatorServer(judge: Self.judge)
        defer { server.stop() }
        let settler = Settler(endpoint: .simulator, tls: TLSSettings(keyLogFile: path), simulator: (server.port, server.certificatePEM))
        let trace = PacketTrace()
        #expect(settler.settle(try BatchEncoder().encode(Self.batch), trace: trace).exitCode == 0)
        let first = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        // TLS 1.3 logs handshake and traffic secrets, each tagged with the client random.
        #expect(first.contains { $0.hasPrefix("CLIENT_TRAFFIC_SECRET_0 ") })
        #expect(first.allSatisfy { $0.split(separator: " ").count == 3 })
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(trace.entries.contains { $0.hasPrefix("-- warning: TLS session secrets") })
        // A second settlement appends rather than overwrites.
        _ = settler.settle(try BatchEncoder().encode(SampleBatches.batch(.retail, [SampleBatches.sale(amount: 999, number: 1)], number: 43)))
        let second = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(second.count == first.count * 2)
        #expect(Array(second.prefix(first.count)) == first)
    }

    @Test(arguments: [(ProcessorEndpoint.tsysLive, false), (.heartlandLive, false), (.tsysTest, true)])
    func aKeyLogFileIsRefusedForLiveProcessorsAndHTTPPost(endpoint: ProcessorEndpoint, http: Bool) {
        let keyLog = Scratch.url("never-written", suffix: ".log").path
        let settler = Settler(endpoint: endpoint, tls: TLSSettings(keyLogFile: keyLog), usesHTTPPost: http, connectionTimeout: .seconds(1))
        guard case .failed(let code, let message) = settler.settle(try! BatchEncoder().encode(Self.batch)) else {
            return #expect(Bool(false))
        }
        #expect(code == .cannotAcquireCredentials)
        #expect(message.contains("SSLKeyLogFile"))
        #expect(!FileManager.default.fileExists(atPath: keyLog))
    }

    /// A logger whose every event is kept (swift-log's in-memory handler), at `level`.
    static func logger(level: Logger.Level) -> (Logger, InMemoryLogHandler) {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "test") { _ in handler }
        logger.logLevel = level
        return (logger, handler)
    }

    @Test func everythingLoggedAtTraceHasCardNumbersMasked() throws {
        let server = try SimulatorServer(judge: Self.judge)
        defer { server.stop() }
        var settler = Settler(endpoint: .simulator, simulator: (server.port, server.certificatePEM))
        let (logger, log) = Self.logger(level: .trace)
        settler.logger = logger
        #expect(settler.settle(try BatchEncoder().encode(Self.batch)).exitCode == 0)
        let text = log.entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(log.entries.contains { $0.level == .trace && $0.metadata["link.event"] == "packet-out" })
        #expect(log.entries.contains { $0.level == .info && $0.message == "settlement answered" && $0.metadata["settlement.exit"] == "0" })
        #expect(text.contains("411111******1111"))
        #expect(text.contains("555555******4444"))
        #expect(!text.contains("4111111111111111"))
        #expect(!text.contains("5555555555554444"))
    }

    @Test func weakenedVerificationIsLoggedAsAWarningEvenAtTheDefaultLevel() throws {
        let server = try SimulatorServer(judge: Self.judge)
        defer { server.stop() }
        var settler = Settler(endpoint: .custom(host: "127.0.0.1", port: server.port), tls: TLSSettings(verifiesPeer: false))
        let (logger, log) = Self.logger(level: .warning)
        settler.logger = logger
        #expect(settler.settle(try BatchEncoder().encode(Self.batch)).exitCode == 0)
        #expect(log.entries.map(\.level) == [.warning])
        #expect(log.entries.first?.message.description.contains("certificate verification is turned off") == true)
    }

    @Test func aFailedSettlementIsLoggedAsAnErrorWithItsCode() {
        var settler = Settler(endpoint: .custom(host: "127.0.0.1", port: 9), connectionTimeout: .seconds(2))
        let (logger, log) = Self.logger(level: .info)
        settler.logger = logger
        _ = settler.settle(try! BatchEncoder().encode(Self.batch))
        #expect(log.entries.contains { $0.level == .error && $0.metadata["error.code"] == "10061" })
    }

    @Test(arguments: [false, true])
    func failureMessagesInResultsHaveCardNumbersMasked(inDoubt: Bool) {
        let message = "gateway error 101 - invalid card 4111111111111111"
        let outcome: SettlementOutcome =
            inDoubt ? .inDoubt(code: .serverErrorResponse, message: message) : .failed(code: .serverErrorResponse, message: message)
        let result = SettlementResultDTO(outcome, environment: "test", totals: BatchTotals(details: Self.batch.detailRecords))
        #expect(result.failure?.message.contains("411111******1111") == true)
        #expect(result.failure?.message.contains("4111111111111111") == false)
    }
}
