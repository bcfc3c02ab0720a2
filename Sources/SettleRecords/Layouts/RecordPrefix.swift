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
