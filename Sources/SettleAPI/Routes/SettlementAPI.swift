import Dispatch
import Foundation
import Logging
import SettleCrypto
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel
import SettleRecords
import SettleService
import SettleVault

/// The JSON settlement API: routes requests to validation and settlement and maps outcomes to
/// statuses. Nothing is sent to the host unless the whole document validates.
public struct SettlementAPI: Sendable {
    public var defaults: SettlementDefaults
    public var clock: SettlementClock
    public var settler: Settler
    /// Keys for every route but the health checks; empty: no authentication (loopback only).
    public var keys: APIKeys
    public let metrics: APIMetrics
    public let readiness = Readiness()
    /// Whether `?trace=true` may return the masked packets of a settlement (off by default:
    /// even masked, a trace shows merchant and batch details to whoever holds a key).
    public var allowsTrace = false
    /// The durable record of settlements: with it every submission is recorded before it is
    /// sent, `Idempotency-Key` and the batch-number guard apply, and results can be looked up.
    public var ledger: (any SettlementLedger)?
    /// The key of the request fingerprints the ledger stores (HMAC-SHA-256). Replicas sharing a
    /// ledger must share it; the default is random per process, for tests and single runs.
    public var fingerprintKey: [UInt8] = SecureRandom.bytes(32) ?? []
    /// Where settlements answered `202 Accepted` go on (`Prefer: respond-async`, with a ledger
    /// to look them up in); without it the preference is ignored and every settlement is
    /// answered when it ends.
    public var background: BackgroundSettlements?
    /// The card data keys: captures' card numbers are sealed under the current one. Without
    /// them, captures are refused (503): a number is never stored in the clear.
    public var cardDataKeys: CardDataKeyring?
    /// How closes are settled.
    public var closeSettings = CloseSettings()
    /// This process, as its claims on closes name it (the ledger lease's instance where there is one).
    public var replica = ReplicaLease.newInstanceID()
    /// Told whenever a settlement's ending or resolution (and so an event) was recorded, so
    /// webhooks go out at once rather than at the dispatcher's next pass.
    public var eventRecorded: (@Sendable () -> Void)?

    public init(
        defaults: SettlementDefaults, clock: SettlementClock = .system, settler: Settler, keys: APIKeys = APIKeys(hexHashes: [])!,
        metrics: APIMetrics = APIMetrics()
    ) {
        self.defaults = defaults
        self.clock = clock
        self.settler = settler
        self.keys = keys
        self.metrics = metrics
    }

    /// The environment that answers settlements: simulator, test, live or custom.
    public var environment: String { settler.endpoint.environment }

    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let route = Route(path: request.head.path)
        let response = await respond(to: request, on: route)
        metrics.request(route: route.metricsLabel, status: response.status)
        return response
    }

    private func respond(to request: HTTPRequest, on route: Route) async -> HTTPResponse {
        let method = request.head.method
        let caller = keys.caller(request.head.headers["authorization"])
        switch route {
        case .health, .readiness:
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            if route == .readiness && !readiness.isReady {
                return JSONResponse.problem(503, "Draining", "the service is shutting down; settlements in progress are finishing")
            }
            if route == .readiness, let ledger {
                // A settlement that cannot be recorded is not sent: without the ledger, not ready.
                do {
                    try await LedgerCalls.run { () throws(LedgerError) in try ledger.check() }
                } catch {
                    // Anyone may ask for readiness: what the database said goes to the log only.
                    settler.logger.warning("not ready: \(error)")
                    return JSONResponse.problem(503, "Ledger unavailable", "the settlement ledger cannot be read and written now")
                }
            }
            return JSONResponse.make(200, ["status": "ok", "environment": environment])
        case .openAPI:
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            return HTTPResponse(
                status: 200, headers: HTTPHeaders([("Content-Type", "application/yaml")]), body: Array(OpenAPISpecification.text.utf8))
        case _ where caller == nil:
            var response = JSONResponse.problem(401, "Unauthorized", "send a valid API key as Authorization: Bearer <key>")
            response.headers.append("WWW-Authenticate", "Bearer")
            return response
        case _ where caller?.merchants != nil && !route.isMerchantRoute:
            return JSONResponse.make(
                403,
                ProblemDocument(
                    status: 403, code: 403, kind: "key-scoped-to-merchants", title: "Key scoped to merchants",
                    detail: "this API key may call the routes of its merchant profiles (/v1/merchants/...) only"))
        case .metrics:
            guard method == "GET" else { return notAllowed("GET") }
            if let store = closeLedger, let summary = try? await LedgerCalls.run({ () throws(LedgerError) in try store.openBatchesSummary() }) {
                metrics.openBatches(captures: summary.captures, nextCutoff: summary.nextCutoff)
            }
            return HTTPResponse(
                status: 200, headers: HTTPHeaders([("Content-Type", "text/plain; version=0.0.4; charset=utf-8")]), body: metrics.render())
        case .validate:
            guard method == "POST" else { return notAllowed("POST") }
            return check(request)
        case .settlements where method == "GET" || method == "HEAD":
            return await listSettlements(request)
        case .settlements:
            guard method == "POST" else { return notAllowed("GET, POST") }
            return await settle(request)
        case .resolve(let id):
            guard method == "POST" else { return notAllowed("POST") }
            return await resolveSettlement(String(id), request)
        case .settlement(let id):
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            return await lookUp(String(id))
        case .events:
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            return await listEvents(request)
        case .summary(let id):
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            return await summarize(String(id), request)
        case .report:
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            return await report(request)
        case .webhookDeliveries:
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            return await listWebhookDeliveries(request)
        case .webhookDelivery(let id):
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            return await lookUpWebhookDelivery(String(id))
        case .redeliver(let id):
            guard method == "POST" else { return notAllowed("POST") }
            return await redeliverWebhook(String(id))
        case .merchants:
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            return await listMerchantProfiles(request, caller: caller ?? .open)
        case .merchant(let id):
            guard caller?.sees(merchant: id) ?? false else { return merchantNotFound(String(id)) }
            switch method {
            case "GET", "HEAD": return await lookUpMerchantProfile(String(id))
            case "PUT": return await putMerchantProfile(String(id), request)
            case "DELETE": return await deleteMerchantProfile(String(id), request)
            default: return notAllowed("GET, PUT, DELETE")
            }
        case .captures(let merchant):
            guard caller?.sees(merchant: merchant) ?? false else { return merchantNotFound(String(merchant)) }
            switch method {
            case "POST": return await capture(for: String(merchant), request)
            case "GET", "HEAD": return await listCaptures(of: String(merchant), request)
            default: return notAllowed("GET, POST")
            }
        case .capture(let merchant, let id):
            guard caller?.sees(merchant: merchant) ?? false else { return merchantNotFound(String(merchant)) }
            switch method {
            case "GET", "HEAD": return await lookUpCapture(String(id), of: String(merchant))
            case "DELETE": return await voidCapture(String(id), of: String(merchant))
            default: return notAllowed("GET, DELETE")
            }
        case .close(let merchant):
            guard caller?.sees(merchant: merchant) ?? false else { return merchantNotFound(String(merchant)) }
            guard method == "POST" else { return notAllowed("POST") }
            return await closeNow(String(merchant))
        case .closes(let merchant):
            guard caller?.sees(merchant: merchant) ?? false else { return merchantNotFound(String(merchant)) }
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            return await listCloses(of: String(merchant), request)
        case .closeRecord(let merchant, let id):
            guard caller?.sees(merchant: merchant) ?? false else { return merchantNotFound(String(merchant)) }
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            return await lookUpClose(String(id), of: String(merchant))
        case .retryClose(let merchant, let id):
            guard caller?.sees(merchant: merchant) ?? false else { return merchantNotFound(String(merchant)) }
            guard method == "POST" else { return notAllowed("POST") }
            return await retryClose(String(id), of: String(merchant))
        case .unknown:
            return JSONResponse.problem(404, "Not found", "no route for \(request.head.path)")
        }
    }

    /// `POST /v1/settlements`: read and validate the document, record it (the ledger settles
    /// its number), encode it once, send it, record the ending.
    private func settle(_ request: HTTPRequest) async -> HTTPResponse {
        let submission: SettlementDocument.Submission
        switch readSubmission(request) {
        case .success(let read): submission = read
        case .failure(let refusal): return refusal.response
        }
        let wantsTrace = ["true", "1"].contains(QueryParameters(target: Substring(request.head.target))["trace"] ?? "")
        if wantsTrace && !allowsTrace {
            return JSONResponse.problem(403, "Trace not allowed", "this server is not configured to return traces (serve --allow-trace)")
        }
        let trace = wantsTrace ? PacketTrace(profile: defaults.profile) : nil
        if let ledger {
            // A trace is part of the answer, so a traced settlement is answered when it ends.
            let background = wantsTrace || !request.head.headers.preferences.contains("respond-async") ? nil : self.background
            return await settleRecorded(submission, request: request, trace: trace, ledger: ledger, background: background)
        }
        // Without a ledger every document carries its batch number (no placeholder to replace).
        switch encode(submission.batch) {
        case .success(let encoded): return await transmit(encoded, trace: trace).response
        case .failure(let refusal): return refusal.response
        }
    }

    /// The batch on the wire, once its number is settled.
    func encode(_ batch: Batch) -> Result<EncodedBatch, Refusal> {
        do {
            return .success(try BatchEncoder(profile: defaults.profile).encodeValidated(batch))
        } catch {
            return .failure(Refusal(JSONResponse.problem(500, code: ErrorCode.errorBuildingPacket.rawValue, "Cannot build the batch", "\(error)")))
        }
    }

    /// Sends the batch; the answer's status comes from ``status(of:)``, and the outcome goes
    /// back to the caller for the ledger.
    func transmit(_ encoded: EncodedBatch, trace: PacketTrace?) async -> (response: HTTPResponse, outcome: SettlementOutcome) {
        // The link is blocking I/O with its own deadlines (seconds, if the host is slow): a thread
        // of its own, so it holds neither the cooperative pool nor the global queue the HTTP
        // connections run on.
        let settler = self.settler
        let started = ContinuousClock.now
        let outcome = await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: settler.settle(encoded, trace: trace)) }
        }
        var result = SettlementResultDTO(outcome, environment: environment, totals: encoded.totals)
        result.trace = trace?.entries
        metrics.settlement(outcome: result.outcome, responseCode: result.responseCode, duration: ContinuousClock.now - started)
        let status = Self.status(of: outcome)
        switch outcome {
        case .accepted:
            return (JSONResponse.make(status, result), outcome)
        case .duplicate:
            return (
                JSONResponse.make(
                    status,
                    ProblemDocument(
                        status: status, code: status, title: "Duplicate batch", detail: "the host already has this batch number (QD)", result: result)
                ), outcome
            )
        case .rejected:
            return (
                JSONResponse.make(
                    status,
                    ProblemDocument(status: status, code: status, title: "Batch rejected", detail: "the host rejected the batch (RB)", result: result)
                ), outcome
            )
        case .failed(let code, _), .inDoubt(let code, _):
            let title =
                if case .inDoubt = outcome { "Settlement in doubt: the batch may have been captured" } else {
                    "Settlement failed: nothing was captured"
                }
            return (
                JSONResponse.make(
                    status, ProblemDocument(status: status, code: code.rawValue, title: title, detail: result.failure?.message ?? "", result: result)),
                outcome
            )
        }
    }

    /// The HTTP status of a settlement's outcome: 200 GB, 409 QD, 422 RB, 504 a link timeout,
    /// 502 any other link failure (in doubt or not).
    static func status(of outcome: SettlementOutcome) -> Int {
        switch outcome {
        case .accepted: 200
        case .duplicate: 409
        case .rejected: 422
        case .failed(let code, _), .inDoubt(let code, _):
            code == .connectionTimeout || code == .timeout ? 504 : 502
        }
    }

    func notAllowed(_ allowed: String) -> HTTPResponse {
        var response = JSONResponse.problem(405, "Method not allowed", "use \(allowed)")
        response.headers.append("Allow", allowed)
        return response
    }
}
