import SettleHTTPCore
import SettleTestSupport
import Testing

/// Mutated requests never crash the parser, and how the bytes are split never changes what it
/// decides: a request is read the same, or refused with the same status, in any pieces.
@Suite struct HTTPParserFuzzTests {
    static let seeds: [String] = [
        "POST /v1/settlements HTTP/1.1\r\nHost: localhost:8080\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"batch\":1}",
        "POST /v1/settlements HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\nGET /readyz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    ]

    /// A description of everything the parser produced, or the status it refused with.
    static func outcome(_ bytes: [UInt8], pieces: [Int]) -> String {
        var parser = HTTPRequestParser(limits: HTTPLimits(maximumBodyBytes: 1024))
        var log: [String] = []
        var index = 0, pieceIndex = 0
        while index < bytes.count {
            let size = max(1, pieces[pieceIndex % pieces.count])
            pieceIndex += 1
            let end = min(bytes.count, index + size)
            parser.append(bytes[index..<end])
            index = end
            do {
                while let event = try parser.next() {
                    switch event {
                    case .head(let head): log.append("head \(head.method) \(head.target) \(head.headers.fields.count) \(head.keepAlive)")
                    case .body(let body): log.append("body \(body.count)")
                    case .end: log.append("end")
                    }
                }
            } catch {
                log.append("refused \(error.status)")
                break
            }
        }
        // Body pieces depend on the split; their total does not.
        return log.reduce(into: [String]()) { merged, line in
            if line.hasPrefix("body "), let last = merged.last, last.hasPrefix("body ") {
                merged[merged.count - 1] = "body \(Int(last.dropFirst(5))! + Int(line.dropFirst(5))!)"
            } else {
                merged.append(line)
            }
        }.joined(separator: "|")
    }

    static func mutate(_ bytes: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        let interesting: [UInt8] = [0, 9, 10, 13, 32, 44, 48, 58, 59, 97, 127, 255]
        for _ in 0..<random.int(1...4) where !bytes.isEmpty {
            let at = random.int(0...(bytes.count - 1))
            switch random.int(0...3) {
            case 0: bytes[at] = random.pick(interesting)
            case 1: bytes.remove(at: at)
            case 2: bytes.insert(random.pick(interesting), at: at)
            default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + random.int(1...12))], at: at)
            }
        }
        return bytes
    }

    @Test(arguments: 0..<4)
    func splittingNeverChangesTheDecision(batch: Int) {
        var random = SeededGenerator(seed: 0x4854_5450 + UInt64(batch))
        for _ in 0..<500 {
            let bytes = Self.mutate(Array(random.pick(Self.seeds).utf8), &random)
            let whole = Self.outcome(bytes, pieces: [Int.max])
            let pieces = (0..<4).map { _ in random.int(1...9) }
            #expect(Self.outcome(bytes, pieces: pieces) == whole, "\(String(decoding: bytes, as: UTF8.self).debugDescription) in \(pieces)")
        }
    }

    @Test func theUnmutatedSeedsAreAccepted() {
        for seed in Self.seeds {
            #expect(!Self.outcome(Array(seed.utf8), pieces: [1]).contains("refused"), "\(seed.debugDescription)")
        }
    }
}
