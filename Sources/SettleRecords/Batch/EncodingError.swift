import SettleModel

/// Why a batch was not encoded.
public enum EncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Validation found problems; nothing was produced.
    case invalidBatch([ValidationIssue])
    /// A value did not fit its field although validation passed (a defect: code 544).
    case buildFailed(RecordCodingError)

    /// The class reference's error number.
    public var code: ErrorCode {
        switch self {
        case .invalidBatch(let issues): issues.first?.code ?? .missingOrErroneousValue
        case .buildFailed: .errorBuildingPacket
        }
    }

    public var description: String {
        switch self {
        case .invalidBatch(let issues): ValidationFailure(issues: issues).description
        case .buildFailed(let error): "error building packet: \(error)"
        }
    }
}
