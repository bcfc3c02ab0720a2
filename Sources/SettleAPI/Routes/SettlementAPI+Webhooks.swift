import Foundation
import SettleDTO
import SettleHTTP
import SettleLedger

/// `GET /v1/webhook-deliveries`, `GET /v1/webhook-deliveries/{id}` (with its tries) and
/// `POST /v1/webhook-deliveries/{id}/redeliver`: the delivery log, and a delivery asked for again.
extension SettlementAPI {
    private var webhookLedger: (any WebhookLedger)? { ledger as? any WebhookLedger }

    func listWebhookDeliveries(_ request: HTTPRequest) async -> HTTPResponse {
        guard let ledger = webhookLedger else { return JSONResponse.problem(404, "Not found", "this server keeps no settlement ledger") }
        let parameters = QueryParameters(target: Substring(request.head.target))
        let known: Set<String> = ["state", "event", "settlement", "limit"]
        if let unknown = parameters.names.subtracting(known).sorted().first {
            return JSONResponse.problem(400, "Unknown parameter", "\(unknown) is not a filter; use \(known.sorted().joined(separator: ", "))")
        }
        var query = WebhookDeliveryQuery(eventID: parameters["event"], settlementID: parameters["settlement"])
        if let state = parameters["state"] {
            guard let parsed = WebhookDeliveryState(rawValue: state) else {
                return JSONResponse.problem(
                    400, "Invalid state", "state is one of \(WebhookDeliveryState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.state = parsed
        }
        switch parameters.limit(default: query.limit) {
        case .success(let number): query.limit = number
        case .failure(let refusal): return refusal.response
        }
        do {
            let asked = query
            let deliveries = try await LedgerCalls.run { () throws(LedgerError) in try ledger.webhookDeliveries(asked) }
            return JSONResponse.make(200, WebhookDeliveryListDTO(deliveries: deliveries.map { WebhookDeliveryDTO($0) }))
        } catch {
            return ledgerUnavailable(error)
        }
    }

    func lookUpWebhookDelivery(_ id: String) async -> HTTPResponse {
        guard let ledger = webhookLedger else { return JSONResponse.problem(404, "Not found", "this server keeps no settlement ledger") }
        do {
            let found = try await LedgerCalls.run { () throws(LedgerError) -> (WebhookDelivery, [WebhookAttempt])? in
                guard let delivery = try ledger.webhookDelivery(id) else { return nil }
                return (delivery, try ledger.webhookAttempts(of: id))
            }
            guard let (delivery, tries) = found else { return JSONResponse.problem(404, "Not found", "no webhook delivery \(id)") }
            return JSONResponse.make(200, WebhookDeliveryDTO(delivery, tries: tries))
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// Pending again and due now, whatever its state: a receiver that lost what it was sent (or
    /// was down past the retry period) asks for it again. Answers 202: the try comes next.
    func redeliverWebhook(_ id: String) async -> HTTPResponse {
        guard let ledger = webhookLedger else { return JSONResponse.problem(404, "Not found", "this server keeps no settlement ledger") }
        do {
            let now = Date()
            let delivery: WebhookDelivery
            switch try await LedgerCalls.run({ () throws(LedgerError) in try ledger.redeliverWebhook(id, at: now) }) {
            case .redelivered(let redelivered): delivery = redelivered
            case .notFound: return JSONResponse.problem(404, "Not found", "no webhook delivery \(id)")
            case .tryUnderWay:
                var response = JSONResponse.problem(
                    409, "Try under way", "a try of webhook delivery \(id) is under way; ask again once it is recorded")
                response.headers.append("Retry-After", "30")
                return response
            }
            eventRecorded?()
            var response = JSONResponse.make(202, WebhookDeliveryDTO(delivery))
            response.headers.append("Location", "/v1/webhook-deliveries/\(id)")
            return response
        } catch {
            return ledgerUnavailable(error)
        }
    }
}
