import ArgumentParser
import Foundation
import SettleDTO
import SettleModel
import SettleRecords
import SettleSettings
import SettleSimulator
import SettleTransport

/// `tsys-settle simulate`: run the TSYS host simulator on loopback until interrupted.
struct SimulateCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the TSYS host simulator on 127.0.0.1 (TLS with a generated certificate, or plain TCP)."
    )

    @Option(name: Setting.simulatorPort.name, help: Setting.simulatorPort.argumentHelp) var port: String?

    @Flag(help: "Plain TCP instead of TLS.")
    var plain = false

    @Flag(help: "Serve the HTTPS POST gateway (/scripts/gateway.dll?transact) instead of the socket service.")
    var http = false

    @Option(help: "Write the simulator's certificate (PEM) here, for clients to trust.")
    var certificateOut: String?

    @Option(name: Setting.simulatorNAKs.name, help: Setting.simulatorNAKs.argumentHelp) var nak: String?
    @Option(name: Setting.simulatorDisconnectAfter.name, help: Setting.simulatorDisconnectAfter.argumentHelp) var disconnectAfter: String?
    @Flag(help: "Never send ENQ.") var noEnquiry = false
    @Flag(help: "Answer connections with EOT instead of ENQ.") var refuse = false
    @Option(name: Setting.simulatorProcessingDelay.name, help: Setting.simulatorProcessingDelay.argumentHelp) var processingDelay: String?
    @Option(name: Setting.simulatorCorruptResponses.name, help: Setting.simulatorCorruptResponses.argumentHelp) var corruptResponses: String?
    @Flag(help: "Send half the response, then disconnect.") var truncate = false
    @Option(name: Setting.simulatorEarlyRejectionAt.name, help: Setting.simulatorEarlyRejectionAt.argumentHelp) var earlyRejectionAt: String?
    @Option(name: Setting.simulatorDuplicateCode.name, help: Setting.simulatorDuplicateCode.argumentHelp) var duplicateCode: String?
    @Option(name: Setting.simulatorErrorDataLength.name, help: Setting.simulatorErrorDataLength.argumentHelp) var errorDataLength: String?
    @Option(name: Setting.mastercardDescriptionLength.name, help: Setting.mastercardDescriptionLength.argumentHelp)
    var mastercardDescriptionLength: String?
    @Option(name: Setting.extensionLengthCountsItself.name, help: Setting.extensionLengthCountsItself.argumentHelp)
    var extensionLengthCountsItself: String?

    static let settingsName = "simulate"
    var givenFlags: GivenFlags {
        var given = GivenFlags()
        given[.simulatorPort] = port
        given[.simulatorNAKs] = nak
        given[.simulatorDisconnectAfter] = disconnectAfter
        given[.simulatorProcessingDelay] = processingDelay
        given[.simulatorCorruptResponses] = corruptResponses
        given[.simulatorEarlyRejectionAt] = earlyRejectionAt
        given[.simulatorDuplicateCode] = duplicateCode
        given[.simulatorErrorDataLength] = errorDataLength
        given[.mastercardDescriptionLength] = mastercardDescriptionLength
        given[.extensionLengthCountsItself] = extensionLengthCountsItself
        return given
    }

    func run() throws {
        // A parent (a test runner, a supervisor) may have blocked these; Ctrl-C and SIGTERM must stop the simulator.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)
        let settings = try settings()
        let delay = settings.number(.simulatorProcessingDelay) ?? 0
        var script = SimulatorScript()
        script.nakTransmissions = settings.number(.simulatorNAKs) ?? 0
        script.disconnectAfterBlocks = settings.number(.simulatorDisconnectAfter)
        script.sendsEnquiry = !noEnquiry
        script.refusesSession = refuse
        script.processingDelay = .seconds(delay)
        script.processingInterval = .seconds(min(4, max(1, delay)))
        script.corruptResponses = settings.number(.simulatorCorruptResponses) ?? 0
        script.truncatesResponse = truncate
        script.earlyRejectionAtBlock = settings.number(.simulatorEarlyRejectionAt)
        script.duplicateCode = settings.text(.simulatorDuplicateCode) ?? "QD"
        script.errorDataLength = settings.text(.simulatorErrorDataLength).flatMap { Int($0) } ?? 32
        let server: SimulatorServer
        do {
            server = try SimulatorServer(
                script: script, service: http ? .httpPost : .socket, tls: plain ? .none : .generate, port: settings.number(.simulatorPort) ?? 5004,
                judge: BatchJudge(profile: Self.profile(settings), today: SettlementClock.system.today()))
        } catch {
            throw CLIError("cannot start the simulator: \(error)")
        }
        if let certificateOut, let pem = server.certificatePEM {
            try pem.write(toFile: certificateOut, atomically: true, encoding: .utf8)
        }
        // Written unbuffered: scripts and tests read the port from the first line while the simulator runs.
        var banner =
            "TSYS host simulator listening on 127.0.0.1:\(server.port) (\(http ? "HTTP POST gateway" : "socket service"), \(plain ? "plain TCP" : "TLS"))\n"
        if let certificateOut { banner += "certificate written to \(certificateOut)\n" }
        banner +=
            "settle with: tsys-settle send FILE.json --processor custom --host 127.0.0.1 --port \(server.port)"
            + (plain ? " --plain" : " --ca-file \(certificateOut ?? "CERT.pem")") + (http ? " --http" : "") + "\n"
        FileHandle.standardOutput.write(Data(banner.utf8))
        // One line per finished session, so a script (or a test) can see what the host received.
        var reported = 0
        while true {
            Thread.sleep(forTimeInterval: 0.05)
            let transcripts = server.transcripts
            for (number, transcript) in transcripts.enumerated().dropFirst(reported) {
                let answer = transcript.responses.last?.rawCode ?? "no response"
                FileHandle.standardOutput.write(
                    Data("session \(number + 1): \(transcript.blocks.count) block(s) received, answered \(answer)\n".utf8))
            }
            reported = transcripts.count
        }
    }

    /// The host reads records as its clients write them: the uncertain layouts are the clients' settings.
    static func profile(_ settings: EffectiveSettings) -> WireProfile {
        var profile = WireProfile.standard
        if let length = settings.number(.mastercardDescriptionLength) { profile.masterCardLineItemDescriptionLength = length }
        profile.detailExtensionLengthCountsItself = settings.isOn(.extensionLengthCountsItself)
        return profile
    }
}
