/// The record-type letter (EIS 1081 §4.230), byte 5 of every record.
public enum RecordType: Character, Sendable, Hashable, CaseIterable {
    case header = "H"
    case parameter = "P"
    case detail = "D"
    case lineItem = "L"
    case chipAddendum = "C"
    case trailer = "T"
    case response = "R"

    var byte: UInt8 { UInt8(ascii: rawValue.unicodeScalars.first!) }

    init?(byte: UInt8) {
        guard let match = RecordType.allCases.first(where: { $0.byte == byte }) else { return nil }
        self = match
    }
}
