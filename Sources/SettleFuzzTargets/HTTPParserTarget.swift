import SettleHTTPCore

/// The request parser decides the same whatever pieces the bytes arrive in: the same heads, the
/// same body bytes, the same refusal.
enum HTTPParserTarget {
    static func run(_ input: [UInt8]) -> FuzzFailure? {
        guard let seed = input.first else { return nil }
        let bytes = input.dropFirst()
        let whole = outcome([bytes])
        let split = outcome(FuzzSplit(seed: seed).pieces(of: bytes))
        guard whole == split else { return FuzzFailure("a split changed what the parser decided", "whole: \(whole)\nsplit: \(split)") }
        return nil
    }

    /// Everything the parser produced, body pieces merged, or the status it refused with.
    static func outcome(_ pieces: [ArraySlice<UInt8>]) -> [String] {
        var parser = HTTPRequestParser(limits: HTTPLimits(maximumBodyBytes: 4096))
        var log: [String] = []
        var body = 0
        func flushBody() {
            if body > 0 { log.append("body \(body)") }
            body = 0
        }
        for piece in pieces {
            parser.append(piece)
            do {
                while let event = try parser.next() {
                    switch event {
                    case .head(let head):
                        flushBody()
                        log.append("head \(head.method) \(head.target) \(head.headers.fields.map { "\($0.name)=\($0.value)" }) \(head.keepAlive)")
                    case .body(let bytes): body += bytes.count
                    case .end:
                        flushBody()
                        log.append("end")
                    }
                }
            } catch {
                flushBody()
                log.append("refused \(error.status) \(error.reason)")
                return log
            }
        }
        flushBody()
        return log
    }
}
