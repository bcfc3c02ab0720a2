/// TLS for the processor link, client side. Verification is on unless explicitly weakened.
public struct TLSSettings: Sendable, Hashable {
    /// Verify the host's certificate chain and name (class reference `SSLSecurityFlags` = 0).
    public var verifiesPeer: Bool
    /// `OpenSSLCAFile`: PEM file of trusted certificates; `nil` uses the system bundle.
    public var caFile: String?
    /// `OpenSSLCADir`: directory of hashed CA certificates.
    public var caDirectory: String?
    /// `SSLCACerts`: trusted certificates as PEM text.
    public var caCertificatesPEM: String?
    /// `SSLAcceptServerCertEncoded`: trust exactly this certificate (PEM), and nothing else.
    public var acceptedServerCertificatePEM: String?
    /// Client certificate and key for mutual TLS (PEM text).
    public var clientCertificatePEM: String?
    public var clientKeyPEM: String?
    /// Client certificate and key as a PKCS#12 store (the class reference's PFX file or blob),
    /// used when no PEM certificate is given; any CA certificates in it are sent as the chain.
    public var clientPKCS12: [UInt8]?
    public var clientPKCS12Password: String?
    /// Lowest protocol version (`SSLEnabledProtocols`): TLS 1.2 unless set.
    public var minimumVersion: TLSVersion
    /// Highest protocol version (`SSLEnabledProtocols` without TLS 1.3); OpenSSL's newest unless set.
    public var maximumVersion: TLSVersion?
    /// `OpenSSLCipherList` for TLS 1.2 (TLS 1.3 suites are OpenSSL's defaults).
    public var cipherList: String?
    /// The name sent for SNI and checked against the certificate; defaults to the host name.
    public var serverName: String?
    /// `SSLKeyLogFile`: append session secrets here (NSS key log format) so Wireshark can decrypt
    /// a capture. Anyone holding the file can read the card numbers in that capture; `Settler`
    /// refuses it for live processors.
    public var keyLogFile: String?

    public init(
        verifiesPeer: Bool = true, caFile: String? = nil, caDirectory: String? = nil, caCertificatesPEM: String? = nil,
        acceptedServerCertificatePEM: String? = nil, clientCertificatePEM: String? = nil, clientKeyPEM: String? = nil,
        minimumVersion: TLSVersion = .tls12, cipherList: String? = nil, serverName: String? = nil,
        keyLogFile: String? = nil, clientPKCS12: [UInt8]? = nil, clientPKCS12Password: String? = nil
    ) {
        self.clientPKCS12 = clientPKCS12
        self.clientPKCS12Password = clientPKCS12Password
        self.keyLogFile = keyLogFile
        self.verifiesPeer = verifiesPeer
        self.caFile = caFile
        self.caDirectory = caDirectory
        self.caCertificatesPEM = caCertificatesPEM
        self.acceptedServerCertificatePEM = acceptedServerCertificatePEM
        self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM
        self.minimumVersion = minimumVersion
        self.cipherList = cipherList
        self.serverName = serverName
    }
}

/// Protocol versions the link may use.
public enum TLSVersion: String, Sendable, Hashable, CaseIterable {
    case tls12 = "TLSv1.2"
    case tls13 = "TLSv1.3"
}
