import SettleModel
import SettleTestSupport
import Testing

/// The strict reader of ICC data (BER-TLV in hexadecimal): real terminal data, every kind of
/// malformed input refused with where it was found, and no input that makes it crash.
@Suite struct BERTLVTests {
    @Test func aTerminalsICCDataReadsAsItsTagsInOrder() throws {
        let elements = try BERTLV.parse(
            hex: "9F2608C2D1A5E4F0B3977A9F2701809F3704B5F2A81C9F360200A3950500800080009A032611289C01005F2A020840820219809F0206000000002500"
        ).get()
        #expect(elements.map(\.tagHex) == ["9F26", "9F27", "9F37", "9F36", "95", "9A", "9C", "5F2A", "82", "9F02"])
        #expect(elements.first?.value == [0xC2, 0xD1, 0xA5, 0xE4, 0xF0, 0xB3, 0x97, 0x7A])
        #expect(elements.first { $0.tag == 0x9A }?.value == [0x26, 0x11, 0x28])
        #expect(elements.last?.value == [0, 0, 0, 0, 0x25, 0])
        // Lower-case digits and padding between objects read the same.
        #expect(try BERTLV.parse(hex: "00009f27018000ff9c0100").get().map(\.tagHex) == ["9F27", "9C"])
    }

    @Test(arguments: [
        ("9F2", 3, "odd number"), ("9G2701", 1, "not a hexadecimal digit"), ("9F", 0, "cut short"), ("9F27", 4, "has no length"),
        ("9F2781", 4, "cut short"), ("9F270810", 4, "claims 8 bytes, 1 remain"), ("9F2780", 4, "indefinite"), ("9F2783010000", 4, "over 0xFFFF"),
        ("9FFFFF2701", 0, "longer than three bytes"),
    ])
    func malformedDataIsRefusedWithItsPlace(hex: String, offset: Int, reason: String) {
        guard case .failure(let failure) = BERTLV.parse(hex: hex) else {
            Issue.record("\(hex) was read")
            return
        }
        #expect(failure.offset == offset, "\(hex): \(failure)")
        #expect(failure.reason.contains(reason), "\(hex): \(failure)")
    }

    @Test func longFormLengthsAndTheSizeLimit() throws {
        let value = [UInt8](repeating: 0xAB, count: 300)
        let hex = BERTLV.hex([BERTLV.Element(tag: 0x9F10, value: value)])
        #expect(hex.hasPrefix("9F1082012C"))
        #expect(try BERTLV.parse(hex: hex).get() == [BERTLV.Element(tag: 0x9F10, value: value)])
        #expect(try BERTLV.parse(hex: "9F1081" + "03" + "010203").get().first?.value == [1, 2, 3])
        let tooLong = String(repeating: "00", count: BERTLV.maximumBytes + 1)
        guard case .failure(let failure) = BERTLV.parse(hex: tooLong) else {
            Issue.record("over the limit was read")
            return
        }
        #expect(failure.reason.contains("more than"))
    }

    /// Thousands of random texts and byte strings: read or refused, never a crash, and what is
    /// read writes back to the same objects.
    @Test(arguments: Array(UInt64(1)...4000))
    func randomInputNeverCrashes(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let bytes = (0..<rng.int(0...300)).map { _ in UInt8(truncatingIfNeeded: rng.int(0...255)) }
        let text =
            rng.chance(20)
            ? rng.text(0...80, "0123456789ABCDEFabcdefXYZ -") : bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
        switch BERTLV.parse(hex: text) {
        case .success(let elements):
            #expect(try BERTLV.parse(hex: BERTLV.hex(elements)).get() == elements)
        case .failure(let failure):
            #expect(failure.offset >= 0 && failure.offset <= max(text.utf8.count, BERTLV.maximumBytes * 2))
        }
    }

    /// Objects written and read back are the same objects, for every tag form and length form.
    @Test(arguments: Array(UInt64(1)...500))
    func writtenObjectsReadBack(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let tags: [UInt32] = [
            0x82, 0x95, 0x9A, 0x9C, 0x5F2A, 0x5F34, 0x9F02, 0x9F10, 0x9F26, 0x9F27, 0x9F33, 0x9F34, 0x9F36, 0x9F37, 0x9F6E, 0x91, 0xDF8101,
        ]
        let elements = (0..<rng.int(0...12)).map { _ in
            BERTLV.Element(
                tag: rng.pick(tags), value: (0..<rng.int(0...(rng.chance(10) ? 400 : 40))).map { _ in UInt8(truncatingIfNeeded: rng.int(0...255)) })
        }
        let hex = BERTLV.hex(elements)
        guard hex.utf8.count / 2 <= BERTLV.maximumBytes else { return }
        #expect(try BERTLV.parse(hex: hex).get() == elements)
    }
}
