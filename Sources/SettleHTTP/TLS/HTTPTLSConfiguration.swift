/// TLS for the API itself: the server's certificate chain and private key, as PEM files.
public struct HTTPTLSConfiguration: Sendable, Hashable {
    /// The lowest protocol version a client may use.
    public enum MinimumVersion: String, Sendable, Hashable, CaseIterable {
        case tls12 = "TLSv1.2"
        case tls13 = "TLSv1.3"
    }

    /// The leaf certificate first, then any intermediates.
    public var certificateChainFile: String
    public var privateKeyFile: String
    public var minimumVersion: MinimumVersion

    public init(certificateChainFile: String, privateKeyFile: String, minimumVersion: MinimumVersion = .tls12) {
        self.certificateChainFile = certificateChainFile
        self.privateKeyFile = privateKeyFile
        self.minimumVersion = minimumVersion
    }
}
