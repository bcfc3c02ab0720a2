/// A deterministic random number generator (SplitMix64), so a failing property case can be
/// replayed from its seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    public mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    public mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    /// Characters from `alphabet`, `length` of them, never starting or ending with a space.
    public mutating func text(_ length: ClosedRange<Int>, _ alphabet: String = RandomAlphabet.printable) -> String {
        let characters = Array(alphabet)
        let count = int(length)
        var result = ""
        for index in 0..<count {
            var character = pick(characters)
            while character == " " && (index == 0 || index == count - 1) { character = pick(characters) }
            result.append(character)
        }
        return result
    }

    public mutating func digits(_ count: Int, nonZero: Bool = false) -> String {
        var text = self.text(count...count, RandomAlphabet.digits)
        if nonZero && text.allSatisfy({ $0 == "0" }) { text = String(text.dropLast()) + "1" }
        return text
    }
}

public enum RandomAlphabet {
    public static let digits = "0123456789"
    public static let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    public static let alphanumeric = digits + upper + "abcdefghijklmnopqrstuvwxyz"
    public static let hexadecimal = "0123456789ABCDEF"
    /// Printable ASCII without characters that need JSON escaping thought.
    public static let printable = alphanumeric + " -.,#&/'*()"
}
