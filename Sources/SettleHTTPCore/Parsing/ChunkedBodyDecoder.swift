/// Decodes a chunked body (RFC 9112 §7.1) strictly: hex sizes without signs or spaces, CRLF
/// after every chunk, bounded extensions and trailers; the total is held to the body limit.
struct ChunkedBodyDecoder: Sendable, Hashable {
    enum Step: Sendable, Hashable {
        case data(Range<Int>)
        case finished
    }

    private enum State: Sendable, Hashable {
        case size(value: Int, digits: Int, extension: ChunkExtension?, lineBytes: Int)
        case sizeLF(value: Int)
        case data(remaining: Int)
        case dataCR
        case dataLF
        case trailerLine(length: Int)
        case trailerLF(lineLength: Int)
    }

    private var state = State.size(value: 0, digits: 0, extension: nil, lineBytes: 0)
    private var total = 0
    private var trailerBytes = 0
    private var trailerLine: [UInt8] = []
    let limits: HTTPLimits

    init(limits: HTTPLimits) { self.limits = limits }

    /// Consumes from `buffer[offset...]`; returns a range of body bytes, `.finished`, or `nil` when
    /// more input is needed.
    mutating func next(_ buffer: [UInt8], _ offset: inout Int) throws(HTTPParseError) -> Step? {
        while offset < buffer.count {
            let byte = buffer[offset]
            switch state {
            case .data(let remaining):
                let count = min(remaining, buffer.count - offset)
                let range = offset..<(offset + count)
                offset += count
                state = remaining == count ? .dataCR : .data(remaining: remaining - count)
                return .data(range)
            case .size(let value, let digits, let chunkExtension, let lineBytes):
                offset += 1
                guard lineBytes < limits.maximumChunkLineBytes else { throw .bad("chunk size line too long") }
                if byte == HTTPSyntax.cr {
                    guard digits > 0 else { throw .bad("missing chunk size") }
                    guard chunkExtension?.mayEndLine ?? true else { throw .bad(Self.extensionProblem(chunkExtension)) }
                    state = .sizeLF(value: value)
                } else if let current = chunkExtension {
                    guard let next = current.next(byte) else { throw .bad(Self.extensionProblem(current)) }
                    state = .size(value: value, digits: digits, extension: next, lineBytes: lineBytes + 1)
                } else if digits > 0, let next = ChunkExtension.beforeSemicolon.next(byte) {
                    state = .size(value: value, digits: digits, extension: next, lineBytes: lineBytes + 1)
                } else if let digit = HTTPSyntax.hexValue(byte) {
                    guard digits < 15 else { throw HTTPParseError(413, "chunk size too large") }
                    state = .size(value: value * 16 + digit, digits: digits + 1, extension: nil, lineBytes: lineBytes + 1)
                } else {
                    throw .bad("invalid chunk size")
                }
            case .sizeLF(let value):
                offset += 1
                guard byte == HTTPSyntax.lf else { throw .bad("chunk size line must end with CRLF") }
                total += value
                guard total <= limits.maximumBodyBytes else { throw HTTPParseError(413, "the body is larger than \(limits.maximumBodyBytes) bytes") }
                state = value == 0 ? .trailerLine(length: 0) : .data(remaining: value)
            case .dataCR:
                offset += 1
                guard byte == HTTPSyntax.cr else { throw .bad("chunk data must end with CRLF") }
                state = .dataLF
            case .dataLF:
                offset += 1
                guard byte == HTTPSyntax.lf else { throw .bad("chunk data must end with CRLF") }
                state = .size(value: 0, digits: 0, extension: nil, lineBytes: 0)
            case .trailerLine(let length):
                offset += 1
                trailerBytes += 1
                guard trailerBytes <= limits.maximumChunkLineBytes else { throw HTTPParseError(431, "trailer section too large") }
                if byte == HTTPSyntax.cr {
                    state = .trailerLF(lineLength: length)
                } else {
                    guard byte != HTTPSyntax.lf, length > 0 || (byte != HTTPSyntax.space && byte != HTTPSyntax.tab) else {
                        throw .bad("malformed trailer")
                    }
                    trailerLine.append(byte)
                    state = .trailerLine(length: length + 1)
                }
            case .trailerLF(let lineLength):
                offset += 1
                guard byte == HTTPSyntax.lf else { throw .bad("trailer line must end with CRLF") }
                if lineLength == 0 { return .finished }
                // Trailers are checked for syntax and dropped: none of ours has meaning in a trailer.
                guard let colon = trailerLine.firstIndex(of: UInt8(ascii: ":")), colon > 0,
                    trailerLine[..<colon].allSatisfy(HTTPSyntax.isTokenCharacter),
                    trailerLine[(colon + 1)...].allSatisfy(HTTPSyntax.isFieldValueCharacter)
                else { throw .bad("malformed trailer field") }
                trailerLine.removeAll()
                state = .trailerLine(length: 0)
            }
        }
        return nil
    }

    /// What is wrong with an extension that stopped in `state`.
    private static func extensionProblem(_ state: ChunkExtension?) -> String {
        switch state {
        case .beforeName?: "invalid chunk extension: a \";\" without a name"
        case .quotedValue?, .quotedPair?: "invalid chunk extension: an unbalanced quote"
        case .beforeValue?: "invalid chunk extension: a \"=\" without a value"
        default: "invalid chunk extension"
        }
    }
}
