import Foundation
import SettleJSON
import SettleTestSupport
import Testing

/// The strict JSON reader: RFC 8259 grammar, exact integers,
/// duplicate keys kept, and an offset for every refusal.
@Suite struct JSONParserTests {
    static let accepted: [(text: String, value: JSONValue)] = [
        ("null", .null),
        (" \t\r\n true \n", .bool(true)),
        ("false", .bool(false)),
        ("0", .integer(0)),
        ("-0", .integer(0)),
        ("2500", .integer(2500)),
        ("-9223372036854775808", .integer(.min)),
        ("9223372036854775807", .integer(.max)),
        ("9223372036854775808", .number(9_223_372_036_854_775_808)),
        ("2500.0", .number(2500)),
        ("1e3", .number(1000)),
        ("-1.5E-2", .number(-0.015)),
        ("\"\"", .string("")),
        ("\"caf\u{00E9} \u{1F4B3}\"", .string("caf\u{00E9} \u{1F4B3}")),
        (#""\"\\\/\b\f\n\r\t""#, .string("\"\\/\u{08}\u{0C}\n\r\t")),
        (#""\u00e9\uD83D\uDCB3\u0041""#, .string("\u{00E9}\u{1F4B3}A")),
        ("[]", .array([])),
        ("[1, [2, []], {}]", .array([.integer(1), .array([.integer(2), .array([])]), .object([])])),
        (#"{"a": 1, "a": 2}"#, .object([("a", .integer(1)), ("a", .integer(2))])),
        ("\u{FEFF}{}", .object([])),
    ]

    @Test(arguments: accepted.indices)
    func validTextIsRead(index: Int) throws {
        let (text, value) = Self.accepted[index]
        #expect(try JSONValue(parsing: Data(text.utf8)) == value)
    }

    static let refused: [(text: String, offset: Int)] = [
        ("", 0), ("   ", 3), ("nul", 0), ("True", 0), ("NaN", 0), ("Infinity", 0),
        ("01", 1), ("-", 1), ("+1", 0), (".5", 0), ("1.", 2), ("1e", 2), ("1e+", 3), ("1.5.2", 3), ("1e999", 0),
        ("\"abc", 4), ("\"a\u{01}b\"", 2), (#""\x""#, 2), (#""\u12G4""#, 5), (#""\uD83D""#, 7), (#""\uDCB3""#, 7), (#""\uD83D\u0041""#, 13),
        ("[1,]", 3), ("[1 2]", 3), ("[", 1), ("{\"a\" 1}", 5), ("{\"a\":1,}", 7), ("{a:1}", 1), ("{'a':1}", 1),
        ("{} {}", 3), ("[] x", 3), ("/* */ {}", 0), ("\u{0B}{}", 0),
        (String(repeating: "[", count: 65) + String(repeating: "]", count: 65), 64),
    ]

    @Test(arguments: refused.indices)
    func malformedTextIsRefusedWhereItGoesWrong(index: Int) {
        let (text, offset) = Self.refused[index]
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: Data(text.utf8)) }
        do {
            _ = try JSONValue(parsing: Data(text.utf8))
        } catch {
            #expect(error.offset == offset, "\(text.debugDescription): \(error.reason)")
        }
    }

    @Test func invalidUTF8InAStringIsRefused() {
        for bytes: [UInt8] in [[0x22, 0xC3, 0x28, 0x22], [0x22, 0xFF, 0x22], [0x22, 0x5C, 0x6E, 0xED, 0xA0, 0x80, 0x22]] {
            #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: Data(bytes)) }
        }
    }

    @Test func sixtyFourLevelsAreEnough() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONValue(parsing: Data(text.utf8)) }
    }

    /// Texts denser than the parser's first guess at their size (two bytes per value, and an
    /// object of many short names) make its buffers grow; every value must survive that.
    @Test func denseTextsGrowTheTape() throws {
        let numbers = "[" + (0..<20_000).map { String($0 % 10) }.joined(separator: ",") + "]"
        #expect(try JSONValue(parsing: Data(numbers.utf8)) == .array((0..<20_000).map { .integer(Int64($0 % 10)) }))
        let members = (0..<5_000).map { ("k\($0)", JSONValue.integer(Int64($0))) }
        let object = "{" + members.map { "\"\($0.0)\":\($0.0.count)" }.joined(separator: ",") + "}"
        #expect(try JSONValue(parsing: Data(object.utf8)) == .object(members.map { ($0.0, .integer(Int64($0.0.count))) }))
    }
}

/// Canonical text: what a request is fingerprinted by.
@Suite struct CanonicalJSONTests {
    static func canonical(_ text: String) throws -> String {
        String(decoding: try JSONParser.parse(Array(text.utf8)).root.canonicalText, as: UTF8.self)
    }

    @Test func memberOrderAndSpacingDoNotMatter() throws {
        let a = try Self.canonical(#"{"b": [1, {"y": true, "x": null}], "a": "\u00e9\n", "aa": -0, "c": 2.5e3}"#)
        let b = try Self.canonical(#" { "c":2500.0 ,"aa":0,"a":"é\n","b":[ 1,{"x":null,"y":true} ] } "#)
        #expect(a == b)
        #expect(a == #"{"a":"é\n","aa":0,"b":[1,{"x":null,"y":true}],"c":2500.0}"#)
    }

    @Test func differentValuesOrArrayOrdersDiffer() throws {
        #expect(try Self.canonical(#"{"a": [1, 2]}"#) != Self.canonical(#"{"a": [2, 1]}"#))
        #expect(try Self.canonical(#"{"a": "1"}"#) != Self.canonical(#"{"a": 1}"#))
    }

    /// Names are ordered by their UTF-8 bytes, not by a locale.
    @Test func namesAreOrderedByTheirBytes() throws {
        #expect(try Self.canonical(#"{"b": 1, "B": 2, "é": 3, "a": 4}"#) == #"{"B":2,"a":4,"b":1,"é":3}"#)
    }
}
