import Dispatch
import Foundation
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel
import SettleRecords
import SettleService

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
    public var fingerprintKey: [UInt8] = SHA256Digest.random(32)

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

    /// Routes with their own metrics label; anything else counts as `other`.
    static let routes: Set<String> = ["/healthz", "/readyz", "/metrics", "/openapi.yaml", "/v1/settlements", "/v1/settlements/validate"]

    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let response = await route(request)
        let path = String(request.head.path)
        let label = Self.routes.contains(path) ? path
            : Self.settlementID(in: request.head.path) == nil ? "other"
            : path.hasSuffix("/resolve") ? "/v1/settlements/{id}/resolve" : "/v1/settlements/{id}"
        metrics.request(route: label, status: response.status)
        return response
    }

    /// The id in `/v1/settlements/{id}`.
    /// The id in `/v1/settlements/{id}` or `/v1/settlements/{id}/resolve`.
    static func settlementID(in path: Substring) -> Substring? {
        let prefix = "/v1/settlements/"
        guard path.hasPrefix(prefix), path != "/v1/settlements/validate" else { return nil }
        var id = path.dropFirst(prefix.count)
        if id.hasSuffix("/resolve") { id = id.dropLast("/resolve".count) }
        return !id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } ? id : nil
    }

    private func route(_ request: HTTPRequest) async -> HTTPResponse {
        let method = request.head.method
        switch request.head.path {
        case "/healthz", "/readyz":
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            if request.head.path == "/readyz" && !readiness.isReady {
                return JSONResponse.problem(503, "Draining", "the service is shutting down; settlements in progress are finishing")
            }
            if request.head.path == "/readyz", let ledger {
                // A settlement that cannot be recorded is not sent: without the ledger, not ready.
                do {
                    try await LedgerCalls.run { () throws(LedgerError) in try ledger.check() }
                } catch {
                    return JSONResponse.problem(503, "Ledger unavailable", "\(error)")
                }
            }
            return JSONResponse.make(200, ["status": "ok", "environment": environment])
        case "/openapi.yaml":
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            return HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/yaml")]), body: Array(OpenAPISpecification.text.utf8))
        case _ where !keys.isEmpty && !keys.authorizes(request.head.headers["authorization"]):
            var response = JSONResponse.problem(401, "Unauthorized", "send a valid API key as Authorization: Bearer <key>")
            response.headers.append("WWW-Authenticate", "Bearer")
            return response
        case "/metrics":
            guard method == "GET" else { return notAllowed("GET") }
            return HTTPResponse(
                status: 200, headers: HTTPHeaders([("Content-Type", "text/plain; version=0.0.4; charset=utf-8")]), body: Array(metrics.render().utf8))
        case "/v1/settlements/validate":
            guard method == "POST" else { return notAllowed("POST") }
            return check(request)
        case "/v1/settlements" where method == "GET" || method == "HEAD":
            return await listSettlements(request)
        case "/v1/settlements":
            guard method == "POST" else { return notAllowed("GET, POST") }
            var read: SettlementDocument.Encoded?
            let refusal = self.read(request) { document in
                read = document
                return nil
            }
            guard let read else { return refusal ?? JSONResponse.problem(500, "Internal error", "no batch") }
            let wantsTrace = ["true", "1"].contains(QueryParameters(target: Substring(request.head.target))["trace"] ?? "")
            if wantsTrace && !allowsTrace {
                return JSONResponse.problem(403, "Trace not allowed", "this server is not configured to return traces (serve --allow-trace)")
            }
            let trace = wantsTrace ? PacketTrace() : nil
            guard let ledger else { return await settle(read.encoded, trace: trace).response }
            return await settleRecorded(read, request: request, trace: trace, ledger: ledger)
        case let path where Self.settlementID(in: path) != nil:
            let id = String(path.dropFirst("/v1/settlements/".count))
            if id.hasSuffix("/resolve") {
                guard method == "POST" else { return notAllowed("POST") }
                return await resolveSettlement(String(id.dropLast("/resolve".count)), request)
            }
            guard method == "GET" || method == "HEAD" else { return notAllowed("GET") }
            return await lookUp(id)
        default:
            return JSONResponse.problem(404, "Not found", "no route for \(request.head.path)")
        }
    }

    /// Sends the batch and answers with the outcome's status; also returns what the ledger records.
    func settle(_ encoded: EncodedBatch, trace: PacketTrace?) async -> (response: HTTPResponse, result: SettlementResultDTO, state: SettlementState) {
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
        switch outcome {
        case .accepted: return (JSONResponse.make(200, result), result, .accepted)
        case .duplicate:
            let problem = ProblemDocument(status: 409, code: 409, title: "Duplicate batch", detail: "the host already has this batch number (QD)", result: result)
            return (JSONResponse.make(409, problem), result, .duplicate)
        case .rejected:
            let problem = ProblemDocument(status: 422, code: 422, title: "Batch rejected", detail: "the host rejected the batch (RB)", result: result)
            return (JSONResponse.make(422, problem), result, .rejected)
        case .failed(let code, _), .inDoubt(let code, _):
            let timedOut = code == ErrorCode.connectionTimeout.rawValue || code == ErrorCode.timeout.rawValue
            let status = timedOut ? 504 : 502
            let inDoubt = if case .inDoubt = outcome { true } else { false }
            let title = inDoubt ? "Settlement in doubt: the batch may have been captured" : "Settlement failed: nothing was captured"
            let problem = ProblemDocument(status: status, code: code, title: title, detail: result.failure?.message ?? "", result: result)
            return (JSONResponse.make(status, problem), result, inDoubt ? .inDoubt : .failed)
        }
    }

    private func notAllowed(_ allowed: String) -> HTTPResponse {
        var response = JSONResponse.problem(405, "Method not allowed", "use \(allowed)")
        response.headers.append("Allow", allowed)
        return response
    }
}
