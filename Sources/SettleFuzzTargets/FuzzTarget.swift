import SettleDTO
import SettleFraming
import SettleRecords

/// The parsers of untrusted bytes, each with the invariant a fuzzer holds it to. A target returns
/// the broken invariant, if any, rather than trapping, so the regression tests replay every input
/// that ever failed and report it; the libFuzzer driver (`settle-fuzz`) traps on it instead.
package enum FuzzTarget: String, CaseIterable, Sendable {
    /// The HTTP request parser, fed in pieces the input chooses: every split decides the same.
    case httpParser = "http-parser"
    /// The HTTP connection machine, fed in pieces and answered: every split acts the same.
    case httpConnection = "http-connection"
    /// The JSON parser: what parses, written back, parses to the same value.
    case json
    /// The settlement document reader: what validates also encodes.
    case document
    /// The example documents edited by the input (values at their limits, members removed,
    /// groups from other examples added), then read as `document` does.
    case documentStructure = "document-structure"
    /// The host's response record, framed or bare.
    case response
    /// Block framing: blocks read, and each block's bytes fed to the accumulator, agree.
    case blocks
    /// The batch decoder (the host simulator's reader of what the service sends).
    case batchDecoder = "batch-decoder"
    /// The BER-TLV reader of chip data: what it reads, written back, reads the same.
    case tlv
    /// The configuration file: LF and CRLF read the same, every value parses by its rules.
    case configurationFile = "configuration-file"

    /// Runs the target on `bytes`: nil, or the invariant `bytes` broke.
    package func run(_ bytes: [UInt8]) -> FuzzFailure? {
        switch self {
        case .httpParser: HTTPParserTarget.run(bytes)
        case .httpConnection: HTTPConnectionTarget.run(bytes)
        case .json: JSONTarget.run(bytes)
        case .document: DocumentTarget.run(bytes)
        case .documentStructure: DocumentStructureTarget.run(bytes)
        case .response: ResponseTarget.run(bytes)
        case .blocks: BlocksTarget.run(bytes)
        case .batchDecoder: BatchDecoderTarget.run(bytes)
        case .tlv: TLVTarget.run(bytes)
        case .configurationFile: ConfigurationFileTarget.run(bytes)
        }
    }
}

extension FuzzTarget {
    /// What the target makes of `bytes` before checking it, for people (the edited document of
    /// `document-structure`); nil where that is the bytes themselves.
    package func shown(_ bytes: [UInt8]) -> [UInt8]? {
        self == .documentStructure ? DocumentStructureTarget.document(bytes) : nil
    }
}

/// An invariant an input broke, in words.
package struct FuzzFailure: Error, Sendable, Hashable, CustomStringConvertible {
    package var invariant: String
    package var detail: String

    package init(_ invariant: String, _ detail: String) {
        self.invariant = invariant
        self.detail = detail
    }

    package var description: String { "\(invariant): \(detail)" }
}

/// How an input is cut into pieces: its first byte seeds the sizes (1 to 64 bytes each).
struct FuzzSplit {
    let sizes: [Int]

    init(seed: UInt8) {
        var state = UInt32(seed) &+ 1
        sizes = (0..<8).map { _ in
            state = state &* 1_103_515_245 &+ 12345
            return Int((state >> 16) % 64) + 1
        }
    }

    /// `bytes` in this split's pieces.
    func pieces(of bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var index = bytes.startIndex, turn = 0
        while index < bytes.endIndex {
            let end = min(bytes.endIndex, index + sizes[turn % sizes.count])
            pieces.append(bytes[index..<end])
            index = end
            turn += 1
        }
        return pieces
    }
}

extension FuzzTarget {
    /// The framed bytes the service sends for each document in `documents` (name, bytes), for the
    /// batch decoder's seed corpus: real batches reach its deep paths at once.
    package static func encodedBatches(_ documents: [(String, [UInt8])]) -> [(String, [UInt8])] {
        documents.compactMap { name, json in
            guard case .success(let encoded) = SettlementDocument.encode(json: json, defaults: DocumentTarget.defaults, today: DocumentTarget.today)
            else { return nil }
            return (name, encoded.encoded.framed.bytes)
        }
    }
}
