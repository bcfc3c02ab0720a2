import Foundation
import Logging
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel
import SettleRecords
import SettleService

/// `POST /v1/settlements` with the ledger, and `GET /v1/settlements/{id}`.
extension SettlementAPI {
    /// Records the batch, then settles it, unless its idempotency key or batch number says the
    /// money may already be on its way: nothing is sent that is not on record first. The ledger
    /// settles the batch number (given, or allocated) before the batch is encoded, once. With
    /// `background` (the caller prefers `respond-async`) the admitted settlement is answered
    /// `202 Accepted` and goes on there; every refusal is answered at once, as without it.
    func settleRecorded(
        _ submission: SettlementDocument.Submission, request: HTTPRequest, trace: PacketTrace?, ledger: any SettlementLedger,
        background: BackgroundSettlements? = nil
    ) async -> HTTPResponse {
        switch idempotencyKey(request) {
        case .success(let read):
            return await settleRecorded(
                submission, key: read?.scoped, unscopedKey: read?.unscoped, trace: trace, ledger: ledger, background: background
            )
            .response
        case .failure(let refusal): return refusal.response
        }
    }

    /// The request's `Idempotency-Key`, scoped to the API key that sent it (nil when there is
    /// none), or why it is refused.
    func idempotencyKey(_ request: HTTPRequest) -> Result<(scoped: String, unscoped: String)?, Refusal> {
        guard let header = request.head.headers["idempotency-key"] else { return .success(nil) }
        guard let parsed = IdempotencyKey.parse(header) else {
            return .failure(
                Refusal(
                    JSONResponse.problem(
                        400, "Invalid Idempotency-Key",
                        "send a quoted string or a token of 1 to 255 visible ASCII characters (a UUID is a good choice)")))
        }
        // The keys of closes' batches are the service's own.
        guard !parsed.hasPrefix(CloseBatch.keyPrefix) else {
            return .failure(
                Refusal(
                    JSONResponse.problem(400, "Invalid Idempotency-Key", "keys beginning \(CloseBatch.keyPrefix) are reserved for closes' batches")))
        }
        return .success((IdempotencyKey.scoped(parsed, client: keys.isEmpty ? nil : keys.client(request.head.headers["authorization"])), parsed))
    }

    /// ``settleRecorded(_:request:trace:ledger:background:)`` under a key already read (a close's
    /// batches have keys of their own); the answer and the ledger entry it is about.
    func settleRecorded(
        _ submission: SettlementDocument.Submission, key: String?, unscopedKey: String?, trace: PacketTrace?, ledger: any SettlementLedger,
        background: BackgroundSettlements? = nil
    ) async -> (response: HTTPResponse, entry: String?) {
        var recorded = LedgerMapping.submission(
            submission.batch, key: key, environment: environment,
            fingerprint: LedgerMapping.fingerprint(submission.canonicalJSON, key: fingerprintKey), profile: defaults.profile)
        recorded.allocatesBatchNumber = submission.automaticBatchNumber
        recorded.unscopedIdempotencyKey = unscopedKey
        let admission: LedgerAdmission
        do {
            let now = Date(), admitted = recorded
            admission = try await LedgerCalls.run { () throws(LedgerError) in try ledger.admit(admitted, at: now) }
        } catch {
            return (ledgerUnavailable(error, sending: true), nil)
        }
        metrics.admission(Self.label(admission))
        switch admission {
        case .admitted(let entry):
            var numbered = submission.batch
            numbered.batchNumber = entry.submission.batchNumber
            let api = self, batch = numbered
            let settle: @Sendable () async -> HTTPResponse = {
                switch api.encode(batch) {
                case .success(let encoded):
                    return await api.transmitRecorded(entry, encoded, trace: trace, ledger: ledger)
                case .failure(let refusal):
                    let failure = LedgerOutcome(
                        state: .failed, failure: "the batch could not be encoded",
                        answer: LedgerAnswer(status: refusal.response.status, body: refusal.response.body))
                    await EndingRecorder(ledger: ledger, metrics: api.metrics, recorded: api.eventRecorded).record(entry.id, failure)
                    return api.located(refusal.response, entry.id)
                }
            }
            // Once finishing (a graceful shutdown), the background takes no more: settled here.
            if let background, background.submit({ _ = await settle() }) {
                metrics.asynchronous()
                return (accepted(entry), entry.id)
            }
            return (await settle(), entry.id)
        case .replay(let entry):
            guard let answer = entry.outcome?.answer else { return (located(interrupted(entry), entry.id), entry.id) }
            let type = answer.status >= 400 ? "application/problem+json" : "application/json"
            var response = HTTPResponse(
                status: answer.status, headers: HTTPHeaders([("Content-Type", type), ("Cache-Control", "no-store")]), body: answer.body)
            response.headers.append("Idempotent-Replayed", "true")
            return (located(response, entry.id), entry.id)
        case .keyReused(let entry):
            return (
                refusal(
                    422, "idempotency-key-reused", "Idempotency-Key reused",
                    "this key was used for a different request; use a new key for a new batch",
                    entry), entry.id
            )
        case .inFlight(let entry) where background != nil && key != nil && entry.submission.idempotencyKey == key:
            // The same asynchronous request again (its 202 lost, say): it is under way.
            return (accepted(entry), entry.id)
        case .inFlight(let entry):
            var response = refusal(
                409, "settlement-in-progress", "Settlement in progress",
                "the same \(entry.submission.idempotencyKey == key && key != nil ? "Idempotency-Key" : "batch number") is being settled now; retry later for its answer",
                entry)
            response.headers.append("Retry-After", "2")
            return (response, entry.id)
        case .alreadyAccepted(let entry):
            let s = entry.submission
            return (
                refusal(
                    409, "batch-number-accepted", "Batch number already accepted",
                    "batch \(s.batchNumber) of merchant \(s.merchantNumber) terminal \(s.terminalNumber) was accepted for \(s.batchDate.iso); the host would answer QD or settle it twice: use another batch number",
                    entry), entry.id
            )
        case .unresolvedInDoubt(let entry):
            return (
                refusal(
                    409, "batch-in-doubt", "Earlier attempt in doubt",
                    "an earlier settlement of batch \(entry.submission.batchNumber) is in doubt: check TSYS reports and resolve it before sending this batch number again",
                    entry), entry.id
            )
        }
    }

    fileprivate func transmitRecorded(
        _ entry: LedgerEntry, _ encoded: EncodedBatch, trace: PacketTrace?, ledger: any SettlementLedger
    ) async -> HTTPResponse {
        do {
            let id = entry.id
            try await LedgerCalls.run { () throws(LedgerError) in try ledger.markTransmitting(id, at: Date()) }
        } catch {
            // Nothing is sent, so the entry ends `failed`, whatever the ledger stored meanwhile (the
            // marking may even have committed, its reply lost): left `received` under a live
            // lease, its key and batch number would answer "in progress" until the replica stops.
            // The caller is told to retry, so the key is let go for the retry.
            let refusal = ledgerUnavailable(error, sending: true)
            let failure = LedgerOutcome(
                state: .failed, failure: "the settlement could not be marked as being sent, so nothing was sent",
                answer: LedgerAnswer(status: refusal.status, body: refusal.body),
                // A close's key is never let go: a driver still holding this try could otherwise
                // admit it again beside the next try (see ``CloseBatch/settlementKey(closeID:)``).
                releasesIdempotencyKey: !(entry.submission.idempotencyKey?.hasPrefix(CloseBatch.keyPrefix) ?? false))
            await EndingRecorder(ledger: ledger, metrics: metrics, recorded: eventRecorded).record(entry.id, failure)
            return located(refusal, entry.id)
        }
        let (response, outcome) = await transmit(encoded, trace: trace)
        let ending = LedgerMapping.outcome(outcome, answer: LedgerAnswer(status: response.status, body: response.body))
        await EndingRecorder(ledger: ledger, metrics: metrics, recorded: eventRecorded).record(entry.id, ending)
        return located(response, entry.id)
    }

    static func label(_ admission: LedgerAdmission) -> String {
        switch admission {
        case .admitted: "admitted"
        case .replay: "replayed"
        case .keyReused: "key_reused"
        case .inFlight: "in_flight"
        case .alreadyAccepted: "batch_number_accepted"
        case .unresolvedInDoubt: "batch_in_doubt"
        }
    }

    /// The answer for an entry the service was stopped under (recovered as in doubt or failed).
    private func interrupted(_ entry: LedgerEntry) -> HTTPResponse {
        let inDoubt = entry.state == .inDoubt
        let title = inDoubt ? "Settlement in doubt: the batch may have been captured" : "Settlement failed: nothing was captured"
        let detail =
            inDoubt
            ? "the service stopped while this batch was being transmitted; check TSYS reports before sending it again"
            : "the service stopped before this batch was sent"
        let code = ErrorCode.noResponse.rawValue  // no response reached us, whatever the host did
        var response = JSONResponse.make(502, ProblemDocument(status: 502, code: code, title: title, detail: detail, settlement: entry.id))
        response.headers.append("Idempotent-Replayed", "true")
        return response
    }

    /// `GET /v1/settlements/{id}`.
    func lookUp(_ id: String) async -> HTTPResponse {
        guard let ledger else { return JSONResponse.problem(404, "Not found", "this server keeps no settlement ledger") }
        do {
            guard let entry = try await LedgerCalls.run({ () throws(LedgerError) in try ledger.entry(id) }) else {
                return JSONResponse.problem(404, "Not found", "no settlement \(id)")
            }
            return JSONResponse.make(200, SettlementRecordDTO(entry))
        } catch {
            return ledgerUnavailable(error)
        }
    }

    private func refusal(_ status: Int, _ kind: String, _ title: String, _ detail: String, _ entry: LedgerEntry) -> HTTPResponse {
        let problem = ProblemDocument(
            status: status, code: status, kind: kind, title: title, detail: detail + " (nothing was sent)", settlement: entry.id)
        var response = JSONResponse.make(status, problem)
        response.headers.append("Content-Location", "/v1/settlements/\(entry.id)")
        return response
    }

    /// `202 Accepted`: the settlement is on record and goes on in the background; its state is
    /// at `Location` (RFC 7240 §4.1).
    private func accepted(_ entry: LedgerEntry) -> HTTPResponse {
        var response = JSONResponse.make(202, SettlementRecordDTO(entry))
        response.headers.append("Location", "/v1/settlements/\(entry.id)")
        response.headers.append("Preference-Applied", "respond-async")
        return response
    }

    private func located(_ response: HTTPResponse, _ id: String) -> HTTPResponse {
        var response = response
        response.headers.append("Location", "/v1/settlements/\(id)")
        return response
    }

    /// The caller learns that the ledger is unavailable (for a settlement: that nothing was sent)
    /// and to retry; where the database is and what it said are for the operator's log, not for
    /// every client.
    func ledgerUnavailable(_ error: any Error, sending: Bool = false) -> HTTPResponse {
        settler.logger.error("\(sending ? "settlement refused, nothing sent" : "ledger unavailable"): \(error)")
        let detail =
            sending
            ? "the settlement could not be recorded, so nothing was sent; retry shortly (the service log says why)"
            : "the settlement ledger cannot be reached; retry shortly (the service log says why)"
        var response = JSONResponse.problem(503, "Ledger unavailable", detail)
        response.headers.append("Retry-After", "5")
        return response
    }
}
