/// The host's rejection of a batch (`RB`): the class reference's `error_*` properties, with the
/// detail record it named. What a result shows and what the ledger records, one type for both.
public struct BatchRejection: Sendable, Hashable, Codable {
    /// `B`, `C`, `D`, `E`, `L`, `P`, `S`, `T`, `U`, `V` or `I` (EIS 1081's error types).
    public var errorType: String
    public var sequenceNumber: Int
    /// The record type at fault: `H`, `P`, `D`, `L`, `T`, …
    public var recordType: String
    public var fieldNumber: Int
    /// The host's error data, card numbers masked.
    public var data: String
    /// The detail record at fault, counting from 0 (`error_detail_record_index`), when a detail or
    /// its line item was.
    public var detailRecordIndex: Int?

    public init(errorType: String, sequenceNumber: Int, recordType: String, fieldNumber: Int, data: String, detailRecordIndex: Int?) {
        self.errorType = errorType
        self.sequenceNumber = sequenceNumber
        self.recordType = recordType
        self.fieldNumber = fieldNumber
        self.data = data
        self.detailRecordIndex = detailRecordIndex
    }
}
