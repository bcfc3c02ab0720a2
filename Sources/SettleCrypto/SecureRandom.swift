import COpenSSL

/// Random bytes from OpenSSL's CSPRNG: keys, nonces, secrets.
public enum SecureRandom {
    /// `count` random bytes; nil in the (practically impossible) case OpenSSL cannot make them.
    public static func bytes(_ count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        return RAND_bytes(&bytes, Int32(count)) == 1 ? bytes : nil
    }
}
