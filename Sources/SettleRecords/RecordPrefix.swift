import SettleModel

/// The first four bytes of every record: `K`, application type, `.`, `Z`.
enum RecordPrefix {
    /// Application type 1 (one batch per connection) or 5 (with Level III line items).
    static func code<C: FieldCoder>(applicationType: inout Character, _ c: inout C) throws(RecordCodingError) {
        try c.literal("K")
        var app = String(applicationType)
        let number = c.fieldNumber
        try c.text(&app, 1)
        if c.isDecoding {
            guard let first = app.first, ApplicationType.accepted.contains(first) else {
                throw RecordCodingError(fieldNumber: number, data: app, reason: "unknown application type")
            }
            applicationType = first
        }
        try c.literal(".")
        try c.literal("Z")
    }
}

/// Application type values (EIS 1081 §4.33).
public enum ApplicationType {
    /// One batch per connection, no line items.
    public static let single: Character = "1"
    /// One batch per connection with Visa / MasterCard line items.
    public static let singleWithLineItems: Character = "5"
    /// Every value a record may carry (3 and 6 are multi-batch variants this engine reads but does not send).
    static let accepted: Set<Character> = ["1", "3", "5", "6"]
}
