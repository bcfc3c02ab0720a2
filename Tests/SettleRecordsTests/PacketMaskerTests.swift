import SettleFraming
import SettleModel
import SettleRecords
import SettleTestSupport
import Testing

/// Nothing this module renders for people may show a full card number.
@Suite struct PacketMaskerTests {
    @Test(arguments: [true, false])
    func visibleAndHexRenderingsMaskEveryCardNumber(combine: Bool) throws {
        var generator = RandomBatches(seed: 99)
        var batch = generator.batch()
        batch.settings.combineRecords = combine
        let encoded = try BatchEncoder().encode(batch)
        var text = ""
        for index in 0..<encoded.framed.blockCount {
            text += PacketMasker.visible(block: encoded.framed.block(index)) + "\n"
            text += PacketMasker.hexadecimal(block: encoded.framed.block(index)) + "\n"
        }
        for detail in batch.detailRecords {
            #expect(!text.contains(detail.cardNumber.digits))
            #expect(text.contains(detail.cardNumber.masked))
        }
        #expect(!text.contains(hexOf(batch.detailRecords[0].cardNumber.digits)))
    }

    /// What `encode --hex` prints are real blocks: every byte has even parity and each LRC is
    /// that of the bytes printed, masked card digits included (issue 12).
    @Test(arguments: [true, false])
    func everyPrintedHexBlockPassesParityAndLRCChecks(combine: Bool) throws {
        var generator = RandomBatches(seed: 7)
        var batch = generator.batch()
        batch.settings.combineRecords = combine
        let encoded = try BatchEncoder().encode(batch)
        var masked = 0
        for index in 0..<encoded.framed.blockCount {
            let text = PacketMasker.hexadecimal(block: encoded.framed.block(index))
            let bytes = text.split(separator: " ").compactMap { UInt8($0, radix: 16) }
            #expect(bytes.count == encoded.framed.block(index).count)
            #expect(throws: Never.self) { try BlockReader.readBlock(bytes[...]) }
            if bytes.contains(0xAA) { masked += 1 }
        }
        #expect(masked > 0)
    }

    @Test func theSpecExampleShowsFirstSixAndLastFour() throws {
        let encoded = try BatchEncoder(profile: .legacySamples).encode(SampleBatches.spec211())
        let line = PacketMasker.visible(block: encoded.framed.block(2), profile: .legacySamples)
        #expect(line.hasPrefix("<STX>K1.ZD@@`D56N@401288******1881      YA5"))
        #expect(line.hasSuffix("<ETB>  LRC 0xEE"))
    }

    @Test func unsplittableDataHasDigitRunsMasked() {
        let masked = PacketMasker.maskedPayload(Array("garbage 4111111111111111 end".utf8))
        #expect(String(decoding: masked, as: UTF8.self) == "garbage 411111******1111 end")
    }

    @Test func cardNumberDescriptionsAreMasked() {
        let card = CardNumber("4111111111111111")
        #expect("\(card)" == "411111******1111")
        #expect(String(reflecting: card) == "CardNumber(411111******1111)")
        #expect(!String(describing: Mirror(reflecting: card).children.map(\.value)).contains("4111111111111111"))
        #expect(CardNumber.mask("1234") == "****")
    }

    func hexOf(_ digits: String) -> String {
        digits.utf8.map { byte in
            let wire = Parity.even(byte)
            let text = String(wire, radix: 16, uppercase: true)
            return text.count == 1 ? "0" + text : text
        }.joined(separator: " ")
    }
}
