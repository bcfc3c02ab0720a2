import CSettleTLS
import SettleModel

/// A certificate and key made on the spot (EC P-256, SHA-256), for the simulator's TLS and tests.
public struct SelfSignedCertificate: Sendable, Hashable {
    public var certificatePEM: String
    public var keyPEM: String

    /// A certificate for `commonName` naming the given DNS names and IP addresses.
    public static func generate(
        commonName: String = "localhost", dnsNames: [String] = ["localhost"], ipAddresses: [String] = ["127.0.0.1", "::1"],
        days: Int = 30
    ) throws(TransportError) -> SelfSignedCertificate {
        var certificate: UnsafeMutablePointer<CChar>?
        var key: UnsafeMutablePointer<CChar>?
        let ok = withCStrings(dnsNames) { dns in
            withCStrings(ipAddresses) { ips in
                tsys_generate_self_signed(commonName, dns, Int32(dnsNames.count), ips, Int32(ipAddresses.count), Int32(days), &certificate, &key)
            }
        }
        defer {
            tsys_free(certificate)
            tsys_free(key)
        }
        guard ok == 1, let certificate, let key else { throw TLSContext.error(.cannotAcquireCredentials, "cannot generate a certificate") }
        return SelfSignedCertificate(certificatePEM: String(cString: certificate), keyPEM: String(cString: key))
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        var pointers = strings.map { UnsafePointer(strdup($0)) as UnsafePointer<CChar>? }
        defer { pointers.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
        return pointers.withUnsafeMutableBufferPointer { body(UnsafePointer($0.baseAddress)) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
