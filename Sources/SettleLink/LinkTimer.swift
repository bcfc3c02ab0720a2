/// The timers a link session asks its transport to run.
public enum LinkTimer: Sendable, Hashable, CaseIterable {
    /// Waiting for ENQ after connecting.
    case enquiry
    /// Waiting for a block's ACK or BEL.
    case acknowledgement
    /// Waiting for the response record after the last block.
    case response
    /// The overall bound on DC2 "still processing" after the trailer.
    case processingLimit
}
