import ArgumentParser
import Foundation
import SettleDTO
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTransport

/// `tsys-settle simulate`: run the TSYS host simulator on loopback until interrupted.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the TSYS host simulator on 127.0.0.1 (TLS with a generated certificate, or plain TCP)."
    )

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 5004

    @Flag(help: "Plain TCP instead of TLS.")
    var plain = false

    @Flag(help: "Serve the HTTPS POST gateway (/scripts/gateway.dll?transact) instead of the socket service.")
    var http = false

    @Option(help: "Write the simulator's certificate (PEM) here, for clients to trust.")
    var certificateOut: String?

    @Option(help: "NAK the first N block transmissions.") var nak = 0
    @Option(help: "Disconnect after receiving N blocks.") var disconnectAfter: Int?
    @Flag(help: "Never send ENQ.") var noEnquiry = false
    @Flag(help: "Answer connections with EOT instead of ENQ.") var refuse = false
    @Option(help: "Seconds of DC2 'processing' before responding.") var processingDelay = 0
    @Option(help: "Corrupt the LRC of the first N responses.") var corruptResponses = 0
    @Flag(help: "Send half the response, then disconnect.") var truncate = false
    @Option(help: "Answer block N with an RB instead of an acknowledgement.") var earlyRejectionAt: Int?
    @Option(help: "Duplicate-batch code: QD or DB.") var duplicateCode = "QD"
    @Option(help: "RB error data length: 32 or 17.") var errorDataLength = 32

    func run() throws {
        // A parent (a test runner, a supervisor) may have blocked these; Ctrl-C and SIGTERM must stop the simulator.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)
        for (value, setting) in [
            (port, NumericSetting.simulatorPort), (nak, .simulatorNAKs), (processingDelay, .simulatorProcessingDelay),
            (corruptResponses, .simulatorCorruptResponses), (errorDataLength, .simulatorErrorDataLength),
        ] {
            _ = try setting.check(value)
        }
        if let disconnectAfter { _ = try NumericSetting.simulatorDisconnectAfter.check(disconnectAfter) }
        if let earlyRejectionAt { _ = try NumericSetting.simulatorEarlyRejectionAt.check(earlyRejectionAt) }
        guard [17, 32].contains(errorDataLength) else { throw ValidationError("--error-data-length must be 17 or 32") }
        var script = SimulatorScript()
        script.nakTransmissions = nak
        script.disconnectAfterBlocks = disconnectAfter
        script.sendsEnquiry = !noEnquiry
        script.refusesSession = refuse
        script.processingDelay = .seconds(processingDelay)
        script.processingInterval = .seconds(min(4, max(1, processingDelay)))
        script.corruptResponses = corruptResponses
        script.truncatesResponse = truncate
        script.earlyRejectionAtBlock = earlyRejectionAt
        guard ["QD", "DB"].contains(duplicateCode) else { throw ValidationError("--duplicate-code must be QD or DB") }
        script.duplicateCode = duplicateCode
        script.errorDataLength = errorDataLength
        let server: SimulatorServer
        do {
            server = try SimulatorServer(
                script: script, service: http ? .httpPost : .socket, tls: plain ? .none : .generate, port: port, judge: BatchJudge(today: SettlementClock.system.today()))
        } catch {
            throw CLIError("cannot start the simulator: \(error)")
        }
        if let certificateOut, let pem = server.certificatePEM {
            try pem.write(toFile: certificateOut, atomically: true, encoding: .utf8)
        }
        // Written unbuffered: scripts and tests read the port from the first line while the simulator runs.
        var banner = "TSYS host simulator listening on 127.0.0.1:\(server.port) (\(http ? "HTTP POST gateway" : "socket service"), \(plain ? "plain TCP" : "TLS"))\n"
        if let certificateOut { banner += "certificate written to \(certificateOut)\n" }
        banner += "settle with: tsys-settle send FILE.json --processor custom --host 127.0.0.1 --port \(server.port)"
            + (plain ? " --plain" : " --ca-file \(certificateOut ?? "CERT.pem")") + (http ? " --http" : "") + "\n"
        FileHandle.standardOutput.write(Data(banner.utf8))
        // One line per finished session, so a script (or a test) can see what the host received.
        var reported = 0
        while true {
            Thread.sleep(forTimeInterval: 0.05)
            let transcripts = server.transcripts
            for (number, transcript) in transcripts.enumerated().dropFirst(reported) {
                let answer = transcript.responses.last?.rawCode ?? "no response"
                FileHandle.standardOutput.write(Data("session \(number + 1): \(transcript.blocks.count) block(s) received, answered \(answer)\n".utf8))
            }
            reported = transcripts.count
        }
    }
}
