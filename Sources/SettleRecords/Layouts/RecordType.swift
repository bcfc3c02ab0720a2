/// The record-type letter (EIS 1081 §4.230), byte 5 of every record.
public enum RecordType: Character, Sendable, Hashable, CaseIterable {
    case header = "H"
    case parameter = "P"
    case detail = "D"
    case lineItem = "L"
    case chipAddendum = "C"
    /// American Express transaction advice line items (`TAD`, `RET`, `LOD`, `CPS`; §3.2.13–3.2.16).
    case transactionAdvice = "A"
    /// Canadian tax line items (§3.2.12) when sent as `X` (``WireProfile/canadianTaxRecordType``).
    case canadianTax = "X"
    case trailer = "T"
    case response = "R"

    var byte: UInt8 { UInt8(ascii: rawValue.unicodeScalars.first!) }

    init?(byte: UInt8) {
        guard let match = RecordType.allCases.first(where: { $0.byte == byte }) else { return nil }
        self = match
    }
}
