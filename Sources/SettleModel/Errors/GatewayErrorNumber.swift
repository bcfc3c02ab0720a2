/// The TSYS HTTP gateway's own error numbers, sent as an `x-data/xact-error` body
/// `NNN - description` (spec §1.5). A settlement that meets one fails with
/// ``ErrorCode/serverErrorResponse`` (524), the gateway's number in its message.
public enum GatewayErrorNumber: Int, Sendable, Hashable, CaseIterable {
    /// The gateway lost the host or network mid-transaction (retry).
    case lostHost = 500
    /// A bad BIN in the packet, or the host was unavailable or disconnected early.
    case badBINOrHostUnavailable = 501
    /// The packet is formatted improperly.
    case packetFormattedImproperly = 502
    /// The gateway cannot reach the host or network (retry).
    case cannotReachHost = 503
    /// Not a POST.
    case notAPost = 504
    /// An invalid response from the host.
    case invalidHostResponse = 505
    /// The host's response is too large for the gateway.
    case hostResponseTooLarge = 506
    /// The Content-Type is not `x-Visa-II/x-auth` or `x-Visa-II/x-settle`.
    case wrongContentType = 507
    /// The end of the batch was reached with no host response (a missing trailer or framing).
    case noHostResponse = 508
    /// The host rejected the batch (the records sent before its NAK are counted).
    case hostRejectedBatch = 509
    /// Authorization through the gateway must be interleaved (application type 4).
    case authorizationMustBeInterleaved = 510
    /// A record does not start with 0x82 (STX with even parity).
    case recordStartInvalid = 511
    /// A record does not end with ETX or ETB.
    case recordEndInvalid = 512
    /// A record is missing its LRC, or it is wrong.
    case recordLRCMissing = 513
    /// A record is not application type 1: the gateway takes single-batch type 1 only.
    case notApplicationTypeOne = 514

    /// The gateway lost the host, or got no usable answer, after the batch may have reached
    /// it: the batch may have been captured.
    public var mayHaveBeenCaptured: Bool {
        switch self {
        case .lostHost, .invalidHostResponse, .hostResponseTooLarge, .noHostResponse: true
        default: false
        }
    }
}
