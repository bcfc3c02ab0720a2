import SettleFraming
import Testing

@Suite struct ParityTests {
    @Test func everyEncodedByteHasEvenParityAndKeepsItsValue() {
        for value in UInt8(0)..<128 {
            let wire = Parity.even(value)
            #expect(wire.nonzeroBitCount % 2 == 0)
            #expect(Parity.strip(wire) == value)
            #expect(Parity.isEven(wire))
        }
    }

    /// Spec §1.2's table of control characters on the wire.
    @Test func controlCharactersOnTheWireMatchTheSpec() {
        let expected: [ControlCharacter: UInt8] = [
            .stx: 0x82, .etx: 0x03, .eot: 0x84, .enq: 0x05, .ack: 0x06, .bel: 0x87, .dc2: 0x12, .dle: 0x90, .nak: 0x95, .etb: 0x17,
        ]
        for (character, wire) in expected { #expect(character.wireByte == wire, "\(character.name)") }
    }

    /// Spec §1.3: parity and LRC commute, so either order of computing them gives the same byte.
    @Test(arguments: 0..<50)
    func lrcOfParityBytesEqualsParityOfLRC(seed: Int) {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1
        let data: [UInt8] = (0..<(seed * 7 + 1)).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33) & 0x7F
        }
        let lrcOfWire = data.map(Parity.even).reduce(0, ^)
        let lrcOfData = data.reduce(0, ^)
        #expect(lrcOfWire == Parity.even(lrcOfData))
    }

    @Test func oddParityBytesAreDetected() {
        #expect(!Parity.isEven(0x02))  // STX without its parity bit
        #expect(!Parity.isEven(0x83))
    }
}
