/// Finds the lines of a request head as bytes arrive, resuming where it stopped, so a client
/// that sends a byte at a time costs linear work. Enforces CRLF line ends and the head limits.
struct HeadScanner: Sendable {
    private var scanned = 0
    private var lineStart = 0
    private var lines: [[UInt8]] = []
    private var headerBytes = 0
    private var leadingEmptyLines = 0

    /// Offsets are into the parser's buffer; when it drops consumed bytes, they move with it.
    mutating func shift(by count: Int) {
        scanned = max(0, scanned - count)
        lineStart = max(0, lineStart - count)
    }

    /// The head's lines once its empty line has arrived (consuming them), or `nil`.
    mutating func scan(_ buffer: [UInt8], from offset: inout Int, limits: HTTPLimits) throws(HTTPParseError) -> [[UInt8]]? {
        if lines.isEmpty && scanned < offset {
            scanned = offset
            lineStart = offset
        }
        while scanned < buffer.count {
            let byte = buffer[scanned]
            let afterCR = scanned > lineStart && buffer[scanned - 1] == HTTPSyntax.cr
            scanned += 1
            if byte != HTTPSyntax.lf {
                if afterCR { throw .bad("bare CR in the request head") }
                let lineLength = scanned - lineStart
                if lines.isEmpty {
                    guard lineLength <= limits.maximumRequestLineBytes + 1 else { throw HTTPParseError(414, "request line too long") }
                } else if headerBytes + lineLength > limits.maximumHeaderBytes {
                    throw HTTPParseError(431, "header section too large")
                }
                continue
            }
            guard afterCR else { throw .bad("lines must end with CRLF") }
            let line = Array(buffer[lineStart..<(scanned - 2)])
            lineStart = scanned
            if line.isEmpty {
                if lines.isEmpty {
                    // RFC 9112 §2.2: empty lines before the request line may be ignored (a few).
                    leadingEmptyLines += 1
                    guard leadingEmptyLines <= 4 else { throw .bad("empty lines before the request line") }
                    continue
                }
                let head = lines, end = scanned
                self = HeadScanner()
                offset = end
                scanned = end
                lineStart = end
                return head
            }
            if !lines.isEmpty {
                headerBytes += line.count + 2
                guard lines.count <= limits.maximumHeaderCount else { throw HTTPParseError(431, "too many header fields") }
            }
            lines.append(line)
        }
        return nil
    }
}
