/// Even parity in bit 7, on every byte of the link (spec §1.2).
public enum Parity {
    /// `byte` (7-bit) with bit 7 set when the low seven bits hold an odd number of ones.
    @inline(__always)
    public static func even(_ byte: UInt8) -> UInt8 { table[Int(byte & 0x7F)] }

    /// Whether a received byte has even parity over all eight bits.
    @inline(__always)
    public static func isEven(_ byte: UInt8) -> Bool { byte.nonzeroBitCount % 2 == 0 }

    /// The 7-bit value of a received byte.
    @inline(__always)
    public static func strip(_ byte: UInt8) -> UInt8 { byte & 0x7F }

    /// Precomputed for the encoder's hot loop.
    static let table: [UInt8] = (0..<128).map { value in
        let byte = UInt8(value)
        return byte.nonzeroBitCount % 2 == 0 ? byte : byte | 0x80
    }
}
