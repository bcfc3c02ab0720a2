import Foundation
import SettleDTO
import SettleHTTP
import SettleModel
import SettleRecords

/// Reading the settlement document of a request: the media type, every problem, the defaults.
extension SettlementAPI {
    /// Reads and validates the document to be settled, or answers why not (415, 400 with every
    /// problem); nothing is encoded yet.
    func readSubmission(_ request: HTTPRequest) -> Result<SettlementDocument.Submission, Refusal> {
        if let refusal = unsupportedMediaType(request) { return .failure(Refusal(refusal)) }
        switch SettlementDocument.submission(json: request.body, defaults: documentDefaults, today: clock.today()) {
        case .success(let submission): return .success(submission)
        case .failure(.invalidBatch(let found)): return .failure(Refusal(invalid(found)))
        case .failure(let defect): return .failure(Refusal(JSONResponse.problem(500, code: 544, "Cannot build the batch", defect.description)))
        }
    }

    /// `POST /v1/settlements/validate`: every check, the totals and the planned blocks; no
    /// wire bytes are written for a dry run.
    func check(_ request: HTTPRequest) -> HTTPResponse {
        if let refusal = unsupportedMediaType(request) { return refusal }
        switch SettlementDocument.check(json: request.body, defaults: documentDefaults, today: clock.today()) {
        case .success(let checked):
            return JSONResponse.make(
                200,
                ValidationReportDTO(
                    batch: checked.batch, shape: checked.shape, automaticBatchNumber: checked.automaticBatchNumber, notes: checked.notes))
        case .failure(.invalidBatch(let found)): return invalid(found)
        case .failure(let defect): return JSONResponse.problem(500, code: 544, "Cannot build the batch", defect.description)
        }
    }

    /// With a ledger to allocate it, a document may leave the batch number out.
    var documentDefaults: SettlementDefaults {
        var defaults = self.defaults
        defaults.allowsAutomaticBatchNumber = ledger != nil
        return defaults
    }

    func unsupportedMediaType(_ request: HTTPRequest, document: String = "the settlement document") -> HTTPResponse? {
        // The media type before any parameters, compared without Foundation's character sets
        // (they showed in the validate route's profile).
        let type = request.head.headers["content-type"].map { $0.prefix { $0 != ";" }.trimmingHTTPWhitespace() }
        if let type, HTTPHeaders.sameName(type, "application/json") { return nil }
        return JSONResponse.problem(415, "Unsupported media type", "send \(document) as application/json")
    }

    func invalid(_ issues: [ValidationIssue], title: String = "Invalid settlement document", outcome: String = "nothing was sent") -> HTTPResponse {
        let count = issues.count
        return JSONResponse.make(
            400,
            ProblemDocument(
                status: 400, code: issues.first?.code.rawValue ?? 593, title: title,
                detail: "\(count) problem\(count == 1 ? "" : "s") found; \(outcome)", problems: issues.map(ProblemDTO.init)))
    }
}
