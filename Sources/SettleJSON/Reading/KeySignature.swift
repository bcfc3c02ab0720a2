/// A cheap fingerprint of a member name (its UTF-8 length and three of its bytes), read in
/// constant time: equal names have equal signatures, so unequal signatures skip the compare.
@usableFromInline struct KeySignature: Equatable {
    @usableFromInline let bits: UInt32

    @usableFromInline init(_ key: String) {
        // Native strings (literals and parsed names) give their bytes directly; the generic
        // UTF-8 view was a visible cost when called for every lookup.
        self = key.utf8.withContiguousStorageIfAvailable { KeySignature(bytes: $0) } ?? KeySignature(bytes: Array(key.utf8))
    }

    /// The length and the first, next-to-last and last bytes: `transactionDate` and
    /// `transactionTime` differ only near the end.
    @inlinable @inline(__always) init(bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard count > 0 else {
            bits = 0
            return
        }
        let nextToLast = count > 1 ? bytes[count - 2] : 0
        bits = UInt32(truncatingIfNeeded: count) << 24 | UInt32(bytes[0]) << 16 | UInt32(nextToLast) << 8 | UInt32(bytes[count - 1])
    }

    /// A member name written in the source: its bytes are read directly, with no `String`.
    @inlinable @inline(__always) init(_ name: StaticString) {
        guard name.hasPointerRepresentation else {
            self.init(name.description)
            return
        }
        self.init(bytes: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    private init(bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { KeySignature(bytes: $0) }
    }

    init(bits: UInt32) {
        self.bits = bits
    }

    /// One of 64 bits, chosen by the top bits of a multiplicative (Fibonacci) hash.
    var maskBit: UInt64 {
        1 << ((UInt64(bits) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }
}
