import Foundation
import SettleDTO
import SettleJSON
import SettleModel
import SettleRecords
import SettleTestSupport
import Testing

/// Random damage to real documents: the reader reports problems and never crashes, and
/// whatever it accepts the encoder can always encode (validation is complete).
@Suite struct DocumentFuzzTests {
    @Test(arguments: Array(UInt64(1)...400))
    func mutatedExamplesAreRejectedOrEncodable(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let name = rng.pick(Examples.names)
        var document = try JSONValue(parsing: try Examples.data(name))
        for _ in 0..<rng.int(1...3) { document = mutate(document, &rng, depth: 0) }
        let text = document.text
        switch Examples.read(text) {
        case .invalid(let issues):
            #expect(!issues.isEmpty)
            for issue in issues {
                #expect(issue.path.isEmpty || issue.path.hasPrefix("/"), "\(issue)")
                #expect(!issue.message.contains("4111111111111111"))
            }
        case .valid(let batch):
            do {
                _ = try BatchEncoder().encode(batch)
            } catch {
                Issue.record("seed \(seed): validation accepted a batch the encoder rejects: \(error)")
            }
        }
    }

    func mutate(_ value: JSONValue, _ rng: inout SeededGenerator, depth: Int) -> JSONValue {
        switch value {
        case .object(var members) where !members.isEmpty && rng.chance(80):
            let index = rng.int(0...(members.count - 1))
            switch rng.int(0...3) {
            case 0: members.remove(at: index)
            case 1: members.append((key: rng.pick(["cvv", "extra", "quantity", "level3", "gratuity"]), value: randomLeaf(&rng)))
            default: members[index].value = mutate(members[index].value, &rng, depth: depth + 1)
            }
            return .object(members)
        case .array(var elements) where !elements.isEmpty && rng.chance(80):
            let index = rng.int(0...(elements.count - 1))
            if rng.chance(20) { elements.append(elements[index]) } else { elements[index] = mutate(elements[index], &rng, depth: depth + 1) }
            return .array(elements)
        case .string(let text) where rng.chance(60):
            return .string(
                rng.pick([text + text, String(text.dropLast()), "", text.uppercased(), "9" + text, text.replacingOccurrences(of: "0", with: "1")]))
        case .integer(let number) where rng.chance(60):
            return .integer(rng.pick([0, -1, number &* 10, number &+ 1, Int64.max, 9_999_999, 10_000_000]))
        default:
            return randomLeaf(&rng)
        }
    }

    func randomLeaf(_ rng: inout SeededGenerator) -> JSONValue {
        switch rng.int(0...6) {
        case 0: .null
        case 1: .bool(rng.chance(50))
        case 2: .integer(Int64(rng.int(-5...20_000_000)))
        case 3: .number(1.5)
        case 4: .array([])
        case 5: .object([])
        default: .string(rng.text(0...30))
        }
    }

    /// Mutated example documents, written out, read back to the same value; Foundation's own
    /// reader agrees that the text is JSON.
    @Test(arguments: Array(UInt64(1)...200))
    func writtenDocumentsReadBack(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        var value = try JSONValue(parsing: try Examples.data(rng.pick(Examples.names)))
        for _ in 0..<rng.int(1...4) { value = mutate(value, &rng, depth: 0) }
        let data = Data(value.text.utf8)
        #expect(try JSONValue(parsing: data) == value)
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) }
    }
}
