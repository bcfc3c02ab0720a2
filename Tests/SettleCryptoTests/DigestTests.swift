import SettleCrypto
import Testing

/// The digests against their specifications' published vectors.
@Suite struct DigestTests {
    @Test func sha256OfABCIsTheFIPSVector() {
        #expect(Hex.encode(Digest.sha256(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hmacSHA256MatchesRFC4231TestCase2() {
        let mac = Digest.hmacSHA256(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
        #expect(Hex.encode(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hexRoundTripsAndRefusesWhatIsNotHex() {
        #expect(Hex.decode("00ffA0") == [0, 255, 160])
        #expect(Hex.encode([0, 255, 160]) == "00ffa0")
        #expect(Hex.decode("abc") == nil && Hex.decode("zz") == nil && Hex.decode("") == [])
    }

    @Test func constantTimeEqualityComparesWholeValues() {
        #expect(Digest.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!Digest.constantTimeEqual([1, 2, 3], [1, 2, 4]) && !Digest.constantTimeEqual([1, 2], [1, 2, 3]))
    }

    @Test func randomBytesAreFreshEachTime() throws {
        let a = try #require(SecureRandom.bytes(32)), b = try #require(SecureRandom.bytes(32))
        #expect(a.count == 32 && a != b)
    }
}
