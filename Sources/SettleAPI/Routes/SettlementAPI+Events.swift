import Foundation
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel

/// `GET /v1/events`: the pull side of the settlements' events, for catching up on what a webhook
/// missed.
extension SettlementAPI {
    func listEvents(_ request: HTTPRequest) async -> HTTPResponse {
        guard let ledger else { return JSONResponse.problem(404, "Not found", "this server keeps no settlement ledger") }
        let parameters = QueryParameters(target: Substring(request.head.target))
        let known: Set<String> = ["after", "type", "settlement", "merchant", "limit"]
        if let unknown = parameters.names.subtracting(known).sorted().first {
            return JSONResponse.problem(400, "Unknown parameter", "\(unknown) is not a filter; use \(known.sorted().joined(separator: ", "))")
        }
        var query = LedgerEventQuery(settlementID: parameters["settlement"], merchantNumber: parameters["merchant"])
        if let after = parameters["after"] {
            guard let number = Int64(after), number >= 0 else {
                return JSONResponse.problem(400, "Invalid cursor", "after is the sequence of the last event seen (the previous page's nextCursor)")
            }
            query.after = number
        }
        if let types = parameters["type"] {
            for name in types.split(separator: ",", omittingEmptySubsequences: false) {
                guard let type = LedgerEventType(rawValue: String(name)) else {
                    return JSONResponse.problem(
                        400, "Invalid type", "type is a comma-separated list of \(LedgerEventType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                query.types.insert(type)
            }
        }
        switch parameters.limit(default: query.limit) {
        case .success(let number): query.limit = number
        case .failure(let refusal): return refusal.response
        }
        do {
            let asked = query
            let page = try await LedgerCalls.run { () throws(LedgerError) in try ledger.events(asked) }
            let events = page.events.compactMap { event in page.subject(of: event).map { Self.eventDTO(event, $0) } }
            return JSONResponse.make(
                200, SettlementEventListDTO(events: events, nextCursor: page.hasMore ? page.events.last.map { String($0.sequence) } : nil))
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// An event's webhook payload: the JSON `GET /v1/events` lists it as.
    public static func eventJSON(_ event: LedgerEvent, _ subject: LedgerEventSubject) -> [UInt8] {
        JSONResponse.make(200, eventDTO(event, subject)).body
    }

    /// An event as the API lists it and a webhook delivers it.
    static func eventDTO(_ event: LedgerEvent, _ subject: LedgerEventSubject) -> SettlementEventDTO {
        let data: EventDataDTO =
            switch subject {
            case .settlement(let settlement): .settlement(SettlementRecordDTO(settlement))
            case .close(let close): .close(closeDTO(close))
            }
        return SettlementEventDTO(
            id: event.id, type: event.type.rawValue, timestamp: LedgerMapping.timestamp(event.createdAt), sequence: event.sequence, data: data)
    }

    static func closeDTO(_ close: StoredClose) -> CloseDTO {
        CloseDTO(
            id: close.id, merchantId: close.merchantID, reason: close.reason.rawValue, cutoffAt: close.cutoffAt.map(LedgerMapping.timestamp),
            state: close.state.rawValue, captureCount: close.captureCount, netAmount: close.netAmount, transmissionDate: close.transmissionDate.iso,
            batches: close.batches.map { batch in
                CloseBatchDTO(
                    index: batch.index, state: batch.state.rawValue, attempt: batch.attempt, batchNumber: batch.batchNumber,
                    settlementId: batch.settlementID, captureCount: batch.captureCount, netAmount: batch.netAmount,
                    rejectedCaptureId: batch.rejectedCaptureID, note: batch.note)
            }, createdAt: LedgerMapping.timestamp(close.createdAt), updatedAt: LedgerMapping.timestamp(close.updatedAt))
    }
}
