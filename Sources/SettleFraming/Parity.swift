/// Even parity in bit 7, on every byte of the link (spec §1.2).
public enum Parity {
    /// `byte` (7-bit) with bit 7 set when the low seven bits hold an odd number of ones.
    @inlinable @inline(__always)
    public static func even(_ byte: UInt8) -> UInt8 {
        let low = byte & 0x7F
        // Fold to four bits, then look the parity up in the 16-bit constant 0x6996.
        var folded = low ^ (low >> 4)
        folded &= 0x0F
        let odd = UInt8(truncatingIfNeeded: (0x6996 as UInt16) >> UInt16(folded)) & 1
        return low | (odd << 7)
    }

    /// Whether a received byte has even parity over all eight bits.
    @inlinable @inline(__always)
    public static func isEven(_ byte: UInt8) -> Bool { byte.nonzeroBitCount & 1 == 0 }

    /// The 7-bit value of a received byte.
    @inlinable @inline(__always)
    public static func strip(_ byte: UInt8) -> UInt8 { byte & 0x7F }
}
