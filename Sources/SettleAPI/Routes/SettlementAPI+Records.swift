import Foundation
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel

/// The ledger's read and resolve routes: `GET /v1/settlements`, `GET /v1/settlements/{id}`,
/// `POST /v1/settlements/{id}/resolve`.
extension SettlementAPI {
    /// `GET /v1/settlements?merchant=&terminal=&state=&from=&to=&limit=&cursor=`.
    func listSettlements(_ request: HTTPRequest) async -> HTTPResponse {
        guard let ledger else { return JSONResponse.problem(404, "Not found", "this server keeps no settlement ledger") }
        let parameters = QueryParameters(target: Substring(request.head.target))
        let known: Set<String> = ["merchant", "terminal", "state", "from", "to", "limit", "cursor"]
        if let unknown = parameters.names.subtracting(known).sorted().first {
            return JSONResponse.problem(400, "Unknown parameter", "\(unknown) is not a filter; use \(known.sorted().joined(separator: ", "))")
        }
        var query = LedgerQuery(merchantNumber: parameters["merchant"], terminalNumber: parameters["terminal"], cursor: parameters["cursor"])
        if let state = parameters["state"] {
            guard let parsed = SettlementState(rawValue: state) else {
                return JSONResponse.problem(
                    400, "Invalid state", "state is one of \(SettlementState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.state = parsed
        }
        for (name, keyPath) in [("from", \LedgerQuery.from), ("to", \LedgerQuery.to)] {
            guard let text = parameters[name] else { continue }
            guard let date = Self.instant(text) else {
                return JSONResponse.problem(
                    400, "Invalid time", "\(name) is an RFC 3339 time (2026-11-26T18:00:00Z) or a date (2026-11-26, UTC midnight)")
            }
            query[keyPath: keyPath] = date
        }
        switch parameters.limit(default: query.limit) {
        case .success(let number): query.limit = number
        case .failure(let refusal): return refusal.response
        }
        do {
            let asked = query
            let page = try await LedgerCalls.run { () throws(LedgerError) in try ledger.list(asked) }
            return JSONResponse.make(
                200, SettlementListDTO(settlements: page.entries.map { SettlementRecordDTO($0, withRecords: false) }, nextCursor: page.nextCursor))
        } catch  where error.isInvalidQuery {
            return JSONResponse.problem(400, "Invalid cursor", "pass the nextCursor of the previous page unchanged")
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// `POST /v1/settlements/{id}/resolve` with `{"resolution": "captured" | "notCaptured", "note": "..."}`.
    func resolveSettlement(_ id: String, _ request: HTTPRequest) async -> HTTPResponse {
        guard let ledger else { return JSONResponse.problem(404, "Not found", "this server keeps no settlement ledger") }
        guard let body = try? JSONDecoder().decode(ResolutionRequestDTO.self, from: Data(request.body)),
            let resolution = LedgerResolution(rawValue: body.resolution), !body.note.isEmpty, body.note.count <= 500
        else {
            return JSONResponse.problem(
                400, "Invalid resolution", #"send {"resolution": "captured" or "notCaptured", "note": "what it rests on (1-500 characters)"}"#)
        }
        do {
            let note = body.note
            switch try await LedgerCalls.run({ () throws(LedgerError) in try ledger.resolve(id, as: resolution, note: note, at: Date()) }) {
            case .resolved(let entry):
                eventRecorded?()
                return JSONResponse.make(200, SettlementRecordDTO(entry))
            case .notFound: return JSONResponse.problem(404, "Not found", "no settlement \(id)")
            case .notInDoubt(let entry):
                let detail =
                    entry.resolution == nil
                    ? "settlement \(id) is \(entry.state.rawValue); only an in-doubt settlement is resolved"
                    : "settlement \(id) was already resolved as \(entry.resolution ?? "")"
                return JSONResponse.make(
                    409, ProblemDocument(status: 409, code: 409, kind: "not-in-doubt", title: "Not in doubt", detail: detail, settlement: id))
            }
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// An RFC 3339 time, or a date meaning its UTC midnight.
    public static func instant(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        guard let day = LocalDate(iso: text) else { return nil }
        return Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400)
    }
}
