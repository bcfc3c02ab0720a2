import SettleLink
import SettleModel
import SettleRecords
import SettleTransport

/// What became of a settlement attempt, in the terms callers act on.
public enum SettlementOutcome: Sendable, Hashable {
    /// GB: captured.
    case accepted(HostResponse)
    /// QD: the batch number was used within five days; nothing captured.
    case duplicate(HostResponse)
    /// RB: rejected; nothing captured. `detailIndex` names the detail record at fault, if any.
    case rejected(HostResponse, detailIndex: Int?)
    /// The link failed before the trailer went out: nothing captured, safe to send again.
    case failed(code: ErrorCode, message: String)
    /// The link failed after the trailer went out: the batch may have been captured. Check TSYS
    /// reports before sending it again.
    case inDoubt(code: ErrorCode, message: String)

    /// The CLI exit status: 0 GB, 2 RB, 3 QD, 4 link failure, 5 in doubt.
    public var exitCode: Int32 {
        switch self {
        case .accepted: 0
        case .rejected: 2
        case .duplicate: 3
        case .failed: 4
        case .inDoubt: 5
        }
    }

    package init(_ result: LinkResult, encoded: EncodedBatch) {
        switch result {
        case .answered(let response, _):
            switch response.code {
            case .goodBatch: self = .accepted(response)
            case .duplicateBatch: self = .duplicate(response)
            case .rejectedBatch: self = .rejected(response, detailIndex: response.rejection.flatMap(encoded.detailIndex(for:)))
            }
        case .failed(let failure):
            self =
                failure.inDoubt
                ? .inDoubt(code: failure.code, message: failure.message) : .failed(code: failure.code, message: failure.message)
        }
    }

    /// A connection that could not be made: nothing was sent.
    init(_ error: TransportError) {
        self = .failed(code: error.code, message: error.message)
    }
}
