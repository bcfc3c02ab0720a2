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
