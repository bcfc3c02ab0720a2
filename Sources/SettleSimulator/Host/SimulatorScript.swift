import SettleFraming
import SettleModel

/// How the simulated host behaves: its normal manners and the faults it can inject on purpose.
public struct SimulatorScript: Sendable, Hashable {
    /// Send ENQ when a client connects (`false`: the "no ENQ" fault).
    public var sendsEnquiry = true
    /// Answer the connection with EOT instead of ENQ (the host refuses the session).
    public var refusesSession = false
    /// NAK the first this-many block transmissions.
    public var nakTransmissions = 0
    /// Drop the connection after receiving this many blocks (before acknowledging the last).
    public var disconnectAfterBlocks: Int?
    /// Answer the block with this (1-based) number with an RB instead of acknowledging it.
    public var earlyRejectionAtBlock: Int?
    /// Keep "processing" (sending DC2) this long after the trailer before responding.
    public var processingDelay: Duration = .zero
    /// Interval between DC2s while processing.
    public var processingInterval: Duration = .seconds(4)
    /// Corrupt the LRC of the first this-many response transmissions.
    public var corruptResponses = 0
    /// Send only the first half of the response, then disconnect.
    public var truncatesResponse = false
    /// Acknowledge the last block before responding (the response may also follow directly).
    public var acknowledgesTrailer = true
    /// Acknowledgements alternate ACK, BEL, … starting with this one.
    public var firstAcknowledgement: ControlCharacter = .ack
    /// Whether acknowledgements alternate at all (`false`: always ``firstAcknowledgement``).
    public var alternatesAcknowledgements = true
    /// The duplicate-batch code to send: `QD` (spec) or `DB` (seen in one production client).
    public var duplicateCode = "QD"
    /// Length of the RB error data: 32 (§4.113) or 17 (§5.25).
    public var errorDataLength = 32
    /// The good-batch text: `_ACCEPTED` as the spec prints it, or ` ACCEPTED`.
    public var acceptedText = "_ACCEPTED"

    /// HTTP gateway only: answer every request with this gateway error (`x-data/xact-error`).
    public var gatewayError: GatewayError?

    public init() {}

    /// A well-behaved host.
    public static let standard = SimulatorScript()
}

/// A gateway-level error of the HTTPS POST service: `NNN - text` (spec §1.5).
public struct GatewayError: Sendable, Hashable {
    public var code: GatewayErrorNumber
    public var text: String

    public init(code: GatewayErrorNumber, text: String) {
        self.code = code
        self.text = text
    }
}
