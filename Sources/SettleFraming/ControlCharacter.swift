/// The link control characters of EIS 1052 / EIS 1081, as 7-bit values (before parity).
public enum ControlCharacter: UInt8, Sendable, CaseIterable {
    case stx = 0x02
    case etx = 0x03
    case eot = 0x04
    case enq = 0x05
    case ack = 0x06
    case bel = 0x07
    case dle = 0x10
    case dc2 = 0x12
    case nak = 0x15
    case etb = 0x17

    /// The byte as sent: with even parity in bit 7.
    public var wireByte: UInt8 { Parity.even(rawValue) }

    /// Short name for traces (`<STX>`).
    public var name: String {
        switch self {
        case .stx: "STX"
        case .etx: "ETX"
        case .eot: "EOT"
        case .enq: "ENQ"
        case .ack: "ACK"
        case .bel: "BEL"
        case .dle: "DLE"
        case .dc2: "DC2"
        case .nak: "NAK"
        case .etb: "ETB"
        }
    }
}
