/// Every stable error number this project reports, in one catalogue: the class reference's
/// `TSYSSettle` errors and those it inherits (TCP, SSL, TCP/IP), and 600–601 of our own for
/// request bodies. The HTTP gateway's own numbers (500–514) are ``GatewayErrorNumber``.
///
/// Callers branch on these numbers; the text that accompanies them may change.
public enum ErrorCode: Int, Sendable, Hashable, CaseIterable, Codable {
    /// The connection (TCP connect, TLS handshake, proxy) did not complete in time.
    case connectionTimeout = 201
    /// The host did not answer in time (ENQ, a block acknowledgement, or the response).
    case timeout = 301

    // SSL errors (inherited by the class reference).
    /// The TLS library could not be set up.
    case cannotLoadSecurityLibrary = 270
    /// A certificate file or store could not be read (no certificate in a PEM text, a PFX that
    /// does not open).
    case cannotOpenCertificateStore = 271
    case cannotFindCertificate = 272
    /// The security settings cannot be used as configured (`SSLKeyLogFile` with a live processor
    /// or the HTTP gateway).
    case cannotAcquireCredentials = 273
    case cannotFindCertificateChain = 274
    /// The host's certificate chain does not verify against the trusted certificates.
    case cannotVerifyCertificateChain = 275
    /// The TLS handshake failed.
    case handshakeFailed = 276
    /// The host's certificate is not the one configured to be accepted.
    case certificateVerificationFailed = 280
    case clientCertificateNotFound = 281
    /// The host presented no certificate.
    case serverCertificateNotFound = 282
    case encryptionFailed = 283
    case decryptionFailed = 284
    /// A value is longer (or shorter) than its field.
    case invalidLength = 501
    /// A value has characters or a shape its field does not allow.
    case invalidFormat = 502
    /// A value is outside the allowed range or set.
    case outOfRange = 503
    /// The card number's check digit is wrong.
    case luhnCheckFailed = 504
    /// No host is known to settle with (no simulator running, no gateway for the processor).
    case noGatewaySpecified = 509
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

    // Request bodies (ours: the class reference reads no JSON).
    /// The body is not JSON at all (a syntax error, with its byte offset); a document that is
    /// JSON but not a valid settlement document gets the field codes (501–606) instead.
    case invalidJSON = 600
    /// The body is JSON past a limit this service keeps: nesting deeper than 64, a text over
    /// 2 GiB, an integer beyond what a field can hold (±9223372036854775807).
    case limitExceeded = 601

    // TCP/IP errors (inherited by the class reference; Winsock numbers, errno mapped to them).
    /// Access denied (also: a proxy refused our authentication).
    case accessDenied = 10013
    case addressInUse = 10048
    /// The local address or port cannot be used.
    case addressNotAvailable = 10049
    case networkUnreachable = 10051
    case connectionAborted = 10053
    /// The peer (host or proxy) reset or closed the connection.
    case connectionReset = 10054
    case sendAfterShutdown = 10058
    case connectionTimedOut = 10060
    /// The connection was refused (also: a proxy could not reach the host).
    case connectionRefused = 10061
    case hostUnreachable = 10065
    /// Another socket error; its system description is in the message.
    case socketError = 10000
    /// The host name does not resolve.
    case hostNotFound = 11001
}

extension ErrorCode: CustomStringConvertible {
    /// The number, as every message and log shows a code.
    public var description: String { String(rawValue) }
}
