import SettleFraming

/// The link protocol's timers and limits (spec §1.6). Every timer is a setting; defaults follow
/// the class reference (`timeout` 30 s) and the Hypercom data-capture profile (T1 15 s, 3 retries).
public struct LinkSettings: Sendable, Hashable {
    /// How long to wait for the host's ENQ after connecting (Hypercom T1).
    public var enquiryTimeout: Duration
    /// How long to wait for each block's acknowledgement (class reference `timeout`).
    public var acknowledgementTimeout: Duration
    /// How long to wait for the response after the last block, restarted by each DC2 (class reference `timeout`).
    public var responseTimeout: Duration
    /// The longest the host may keep the batch "processing" with DC2s after the trailer.
    public var processingLimit: Duration
    /// Retransmissions of a block the host NAKs before giving up (Hypercom default 3).
    public var maximumRetransmissions: Int
    /// Whether block acknowledgements must alternate ACK, BEL, ACK… (M: the host emulator
    /// alternates, lenient clients accept either; the start value is L).
    public var requireAlternatingAcknowledgements: Bool
    /// The acknowledgement expected for the first block when alternation is required.
    public var firstAcknowledgement: ControlCharacter

    public init(
        enquiryTimeout: Duration = .seconds(15), acknowledgementTimeout: Duration = .seconds(30),
        responseTimeout: Duration = .seconds(30), processingLimit: Duration = .seconds(120), maximumRetransmissions: Int = 3,
        requireAlternatingAcknowledgements: Bool = false, firstAcknowledgement: ControlCharacter = .ack
    ) {
        self.enquiryTimeout = enquiryTimeout
        self.acknowledgementTimeout = acknowledgementTimeout
        self.responseTimeout = responseTimeout
        self.processingLimit = processingLimit
        self.maximumRetransmissions = maximumRetransmissions
        self.requireAlternatingAcknowledgements = requireAlternatingAcknowledgements
        self.firstAcknowledgement = firstAcknowledgement
    }
}
