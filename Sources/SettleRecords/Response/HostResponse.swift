import SettleModel

/// The host's answer to a batch (EIS 1081 Tables 3.18–3.20): the class reference's
/// `response_*` and `error_*` properties.
public struct HostResponse: Sendable, Hashable {
    public enum Code: String, Sendable, Hashable, Codable {
        /// `GB`: the batch was accepted.
        case goodBatch = "GB"
        /// `QD` (or `DB`): the batch number was used within the last five days; nothing captured.
        case duplicateBatch = "QD"
        /// `RB`: the batch was rejected; nothing captured.
        case rejectedBatch = "RB"
    }

    public var code: Code
    /// The two characters as received (`DB` is read as a duplicate too).
    public var rawCode: String
    public var applicationType: Character
    /// Records the host received (for RB: up to the failing one).
    public var recordCount: Int
    /// Net deposit as the host computed it, minor units.
    public var netDeposit: Int64
    public var batchNumber: Int
    /// `GB` text (`_ACCEPTED`); informational only.
    public var text: String
    /// `QD`: the original batch's transmission date, `MMDD`.
    public var originalTransmissionDate: String?
    /// `RB`: what was wrong and where.
    public var rejection: Rejection?

    public init(
        code: Code, rawCode: String, applicationType: Character, recordCount: Int, netDeposit: Int64, batchNumber: Int,
        text: String = "", originalTransmissionDate: String? = nil, rejection: Rejection? = nil
    ) {
        self.code = code
        self.rawCode = rawCode
        self.applicationType = applicationType
        self.recordCount = recordCount
        self.netDeposit = netDeposit
        self.batchNumber = batchNumber
        self.text = text
        self.originalTransmissionDate = originalTransmissionDate
        self.rejection = rejection
    }

    /// The RB details: the class reference's `error_type`, `error_sequence_number`,
    /// `error_record_type`, `error_data_field_number` and `error_data`.
    public struct Rejection: Sendable, Hashable {
        /// `B` blocked terminal, `C` card type, `D` device, `E` error in batch, `L` line item,
        /// `P` platform, `S` sequence, `T` transmission, `U` unknown, `V` routing, `I` I/O.
        public var errorType: Character
        public var sequenceNumber: Int
        /// `H`, `P`, `D`, `L`, `T`, `K`, `C`, `E`, `A` or `X`.
        public var recordType: Character
        public var fieldNumber: Int
        /// Offending data as sent back (17 or 32 characters, trailing spaces removed; card numbers masked).
        public var data: String

        public init(errorType: Character, sequenceNumber: Int, recordType: Character, fieldNumber: Int, data: String) {
            self.errorType = errorType
            self.sequenceNumber = sequenceNumber
            self.recordType = recordType
            self.fieldNumber = fieldNumber
            self.data = data
        }
    }
}

extension BatchRejection {
    /// An RB's details as results show them and the ledger records them.
    public init(_ rejection: HostResponse.Rejection, detailRecordIndex: Int?) {
        self.init(
            errorType: String(rejection.errorType), sequenceNumber: rejection.sequenceNumber, recordType: String(rejection.recordType),
            fieldNumber: rejection.fieldNumber, data: rejection.data, detailRecordIndex: detailRecordIndex)
    }
}
