/// Stable error numbers, taken from the class reference's `TSYSSettle` error list.
///
/// Callers branch on these numbers; the text that accompanies them may change.
public enum ErrorCode: Int, Sendable, Hashable, CaseIterable, Codable {
    /// The connection (TCP connect, TLS handshake, proxy) did not complete in time.
    case connectionTimeout = 201
    /// The host did not answer in time (ENQ, a block acknowledgement, or the response).
    case timeout = 301
    /// A value is longer (or shorter) than its field.
    case invalidLength = 501
    /// A value has characters or a shape its field does not allow.
    case invalidFormat = 502
    /// A value is outside the allowed range or set.
    case outOfRange = 503
    /// The card number's check digit is wrong.
    case luhnCheckFailed = 504
    /// The host's response record is shorter than its fixed part.
    case truncatedResponse = 512
    /// The host's response record has an unknown code or malformed fields.
    case invalidResponse = 513
    /// The host's response record has an unexpected length.
    case responseLengthMismatch = 517
    /// A block's LRC does not match its contents.
    case lrcCheckFailed = 518
    /// A block has a parity error or bytes outside the protocol.
    case corruptResponse = 519
    /// Nothing was received where a response was expected.
    case responsePacketEmpty = 520
    /// The response ended before its ETX and LRC.
    case responseTruncated = 521
    /// The host closed the connection while blocks were still being sent.
    case hostDisconnected = 522
    /// The host sent no response after the batch was transmitted.
    case noResponse = 523
    /// The host answered with something the protocol does not allow (NAKs beyond the retry
    /// limit, an out-of-sequence acknowledgement).
    case serverErrorResponse = 524
    /// The batch could not be encoded (a value that validation should have stopped).
    case errorBuildingPacket = 544
    /// A required value is missing, or values contradict each other.
    case missingOrErroneousValue = 593
    /// A good-batch response arrived before the whole batch was sent.
    case responseBeforeTransmissionCompleted = 594
    /// The host refused or dropped the session before it began (EOT instead of ENQ, or a
    /// disconnect): often a wrong merchant number or bank id.
    case prematurelyDisconnected = 595
    /// The batch has no detail records.
    case emptyDetailRecords = 606
}
