/// A cheap fingerprint of a member name (its UTF-8 length, first and last bytes), read in
/// constant time: equal names have equal signatures, so unequal signatures skip the compare.
struct KeySignature: Equatable {
    let bits: UInt32

    init(_ key: String) {
        // Native strings (literals and parsed names) give their bytes directly; the generic
        // `utf8.last` was a visible cost when called for every lookup.
        let fast = key.utf8.withContiguousStorageIfAvailable { bytes in
            UInt32(truncatingIfNeeded: bytes.count) << 16 | UInt32(bytes.first ?? 0) << 8 | UInt32(bytes.last ?? 0)
        }
        bits = fast ?? UInt32(truncatingIfNeeded: key.utf8.count) << 16 | UInt32(key.utf8.first ?? 0) << 8 | UInt32(key.utf8.last ?? 0)
    }

    /// One of 64 bits, chosen by the top bits of a multiplicative (Fibonacci) hash.
    var maskBit: UInt64 {
        1 << ((UInt64(bits) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }
}
