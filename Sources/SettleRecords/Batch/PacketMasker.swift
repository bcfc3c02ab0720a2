import SettleFraming
import SettleModel

/// Renders wire bytes for people (CLI output, traces) with every card number masked to its
/// first six and last four digits.
public enum PacketMasker {
    /// The block's record data with the card number field of every detail record masked.
    /// Data that cannot be split into records has every run of 12 or more digits masked instead.
    public static func maskedPayload(_ payload: [UInt8], profile: WireProfile = .standard) -> [UInt8] {
        var output = payload
        guard let records = try? RecordSplitter.records(in: payload, profile: profile) else {
            return maskDigitRuns(payload)
        }
        var offset = 0
        for (index, record) in records.enumerated() {
            // Records after the first in a block lost their 3-byte prefix.
            let shift = index == 0 ? 0 : BlockingPolicy.continuationPrefixLength
            if record[4] == RecordType.detail.byte {
                let start = offset + 13 - shift
                let pan = Array(output[start..<(start + 22)])
                let digits = pan.prefix { $0 != 0x20 }
                let masked = Array(CardNumber.mask(String(decoding: digits, as: UTF8.self)).utf8)
                output.replaceSubrange(start..<(start + masked.count), with: masked)
            }
            offset += record.count - shift
        }
        return output
    }

    /// One block shown as text: `<STX>records<ETB> LRC 0x44`, card numbers masked.
    public static func visible(block: ArraySlice<UInt8>, profile: WireProfile = .standard) -> String {
        guard let deframed = try? BlockReader.readBlock(block) else {
            return "<unreadable block: \(block.count) bytes>"
        }
        let text = String(decoding: maskedPayload(deframed.payload, profile: profile), as: UTF8.self)
        let lrc = block.last ?? 0
        return "<STX>\(text)<\(deframed.terminator.name)>  LRC 0x\(hex(lrc))"
    }

    /// One block as hexadecimal bytes in the wire's framing (parity on every byte), with the
    /// card number digits a detail carries shown as `*`. The LRC is computed over the bytes shown,
    /// so every printed block passes a parity and LRC check; where card digits are masked, the
    /// real block (and its LRC) differ from what is printed.
    public static func hexadecimal(block: ArraySlice<UInt8>, profile: WireProfile = .standard) -> String {
        guard let deframed = try? BlockReader.readBlock(block) else { return "<unreadable block>" }
        let body = maskedPayload(deframed.payload, profile: profile).map(Parity.even)
        let terminator = deframed.terminator.wireByte
        // The LRC covers every byte after STX up to and including the terminator.
        let lrc = body.reduce(terminator, ^)
        let wire = [ControlCharacter.stx.wireByte] + body + [terminator, lrc]
        return wire.map(hex).joined(separator: " ")
    }

    static func maskDigitRuns(_ bytes: [UInt8]) -> [UInt8] {
        var output = bytes
        var runStart: Int?
        for index in 0...bytes.count {
            let isDigit = index < bytes.count && bytes[index] >= 48 && bytes[index] <= 57
            if isDigit, runStart == nil { runStart = index }
            if !isDigit, let start = runStart {
                if index - start >= 12 {
                    let masked = Array(CardNumber.mask(String(decoding: bytes[start..<index], as: UTF8.self)).utf8)
                    output.replaceSubrange(start..<index, with: masked)
                }
                runStart = nil
            }
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
