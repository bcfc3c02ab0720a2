import SettleModel

/// The BER-TLV reader of chip data reads or refuses any bytes (and any hex); what it reads,
/// written back, reads the same.
enum TLVTarget {
    static func run(_ bytes: [UInt8]) -> FuzzFailure? {
        _ = BERTLV.parse(hex: String(decoding: bytes, as: UTF8.self))
        // Documents carry at most `maximumBytes` (the hex reader holds them to it).
        guard bytes.count <= BERTLV.maximumBytes, case .success(let elements) = BERTLV.parse(bytes: bytes) else { return nil }
        let hex = BERTLV.hex(elements)
        guard case .success(let again) = BERTLV.parse(hex: hex) else {
            return FuzzFailure("chip data read and written back does not read", hex)
        }
        guard again == elements else { return FuzzFailure("chip data read and written back reads otherwise", hex) }
        return nil
    }
}
