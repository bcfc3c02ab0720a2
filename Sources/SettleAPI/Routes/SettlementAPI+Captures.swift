import Foundation
import Logging
import SettleDTO
import SettleHTTP
import SettleJSON
import SettleLedger
import SettleModel
import SettleService
import SettleVault

/// `/v1/merchants/{merchantId}/captures`: detail records kept in the merchant's open batch until
/// its close, their card numbers sealed.
extension SettlementAPI {
    /// The ledger's captures and profiles (every ledger database keeps both).
    var captureLedger: (any CaptureLedger & MerchantLedger)? { ledger as? any CaptureLedger & MerchantLedger }

    /// `POST /v1/merchants/{merchantId}/captures`: validates the record against the profile,
    /// seals its card number and records it in the open batch; idempotent by `Idempotency-Key`.
    func capture(for merchant: String, _ request: HTTPRequest) async -> HTTPResponse {
        guard let store = captureLedger else { return noCaptureLedger() }
        guard let keyring = cardDataKeys else {
            return JSONResponse.problem(
                503, "Card data key not configured", "captures are refused: this server has no card data key to seal card numbers with")
        }
        if let refusal = unsupportedMediaType(request, document: "the detail record") { return refusal }
        let key: String?
        switch idempotencyKey(request) {
        case .success(let read): key = read?.scoped
        case .failure(let refusal): return refusal.response
        }
        let profile: StoredMerchantProfile
        do {
            guard let found = try await LedgerCalls.run({ () throws(LedgerError) in try store.merchantProfile(merchant) }) else {
                return merchantNotFound(merchant)
            }
            profile = found
        } catch {
            return ledgerUnavailable(error)
        }
        let read: CaptureDocument.Read
        switch CaptureDocument.read(json: request.body, profile: profile.document, defaults: defaults, today: clock.today()) {
        case .success(let capture): read = capture
        case .failure(let failure): return invalid(failure.issues, title: "Invalid capture", outcome: "nothing was stored")
        }
        let id = StoredCapture.newID(), detail = read.detail
        let sealed: SealedCardNumber
        do {
            sealed = try SealedCardNumber.seal(detail.cardNumber.digits, context: id, keyring: keyring)
        } catch {
            settler.logger.error("capture refused: the card number could not be sealed: \(error)")
            return JSONResponse.problem(500, "Card data could not be sealed", "nothing was stored; the service log says why")
        }
        let hash = CardNumberHash.of(detail.cardNumber.digits, key: keyring.current)
        let capture = StoredCapture(
            id: id, merchantID: merchant, idempotencyKey: key, fingerprint: LedgerMapping.fingerprint(read.canonicalJSON, key: fingerprintKey),
            record: read.storedJSON, sealedCardNumber: sealed.text, cardKeyID: sealed.keyID, cardHash: hash.hex, cardHashKeyID: hash.keyID,
            maskedCardNumber: detail.cardNumber.masked, amount: detail.settlementAmount.minorUnits,
            kind: detail.transactionType.isCredit ? "credit" : "sale", approvalCode: detail.approvalCode)
        // Under every key of the keyring: a capture hashed before a rotation is still found.
        let hashes = keyring.keys.map { CardNumberHash.of(detail.cardNumber.digits, key: $0).hex }
        let admission: CaptureAdmission
        do {
            let now = clock.now()
            admission = try await LedgerCalls.run { () throws(LedgerError) in try store.admitCapture(capture, cardHashes: hashes, at: now) }
        } catch {
            return ledgerUnavailable(error)
        }
        let zone = TimeZone(identifier: profile.timeZone) ?? .gmt
        switch admission {
        case .admitted(let stored, let totals, let cutoff), .replay(let stored, let totals, let cutoff):
            let receipt = CaptureReceiptDTO(
                capture: Self.captureDTO(stored), openBatch: OpenBatchDTO(captures: totals.captures, netAmount: totals.netAmount),
                nextCutoff: cutoff.map { LedgerMapping.timestamp($0, in: zone) })
            var response = JSONResponse.make(stored.id == id ? 201 : 200, receipt)
            response.headers.append("Location", "/v1/merchants/\(merchant)/captures/\(stored.id)")
            if stored.id != id { response.headers.append("Idempotent-Replayed", "true") }
            return response
        case .keyReused(let earlier):
            return captureRefusal(
                422, "idempotency-key-reused", "Idempotency-Key reused",
                "this key was used for capture \(earlier.id), a different request; use a new key for a new capture", earlier)
        case .duplicate(let earlier):
            return captureRefusal(
                409, "duplicate-capture", "Duplicate capture",
                "capture \(earlier.id) has the same card, amount and approval code (\(earlier.state.rawValue)); one authorization is captured once",
                earlier)
        case .merchantNotFound:
            return merchantNotFound(merchant)
        }
    }

    /// `GET /v1/merchants/{merchantId}/captures?state=&after=&limit=`, oldest first.
    func listCaptures(of merchant: String, _ request: HTTPRequest) async -> HTTPResponse {
        guard let store = captureLedger else { return noCaptureLedger() }
        let parameters = QueryParameters(target: Substring(request.head.target))
        let known: Set<String> = ["state", "after", "limit"]
        if let unknown = parameters.names.subtracting(known).sorted().first {
            return JSONResponse.problem(400, "Unknown parameter", "\(unknown) is not a parameter; use state, after, limit")
        }
        var state: CaptureState?
        if let text = parameters["state"] {
            guard let parsed = CaptureState(rawValue: text) else {
                return JSONResponse.problem(400, "Invalid state", "state is one of \(CaptureState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            state = parsed
        }
        let limit: Int
        switch parameters.limit(default: 100) {
        case .success(let number): limit = number
        case .failure(let refusal): return refusal.response
        }
        let after = parameters["after"], asked = limit + 1, filter = state
        do {
            guard try await LedgerCalls.run({ () throws(LedgerError) in try store.merchantProfile(merchant) }) != nil else {
                return merchantNotFound(merchant)
            }
            var page = try await LedgerCalls.run { () throws(LedgerError) in
                try store.captures(merchant: merchant, state: filter, after: after, limit: asked)
            }
            let hasMore = page.count > limit
            if hasMore { page.removeLast() }
            return JSONResponse.make(200, CaptureListDTO(captures: page.map(Self.captureDTO), nextAfter: hasMore ? page.last?.id : nil))
        } catch  where error.isInvalidQuery {
            return JSONResponse.problem(400, "Invalid after", "after is the nextAfter of the previous page, a capture of this merchant")
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// `GET /v1/merchants/{merchantId}/captures/{captureId}`.
    func lookUpCapture(_ id: String, of merchant: String) async -> HTTPResponse {
        guard let store = captureLedger else { return noCaptureLedger() }
        do {
            guard let capture = try await LedgerCalls.run({ () throws(LedgerError) in try store.capture(id, merchant: merchant) }) else {
                return captureNotFound(id)
            }
            return JSONResponse.make(200, Self.captureDTO(capture))
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// `DELETE /v1/merchants/{merchantId}/captures/{captureId}`: the void, while its batch is open;
    /// or, for a capture of a held batch, its drop (the close's retry then sends the rest).
    func voidCapture(_ id: String, of merchant: String) async -> HTTPResponse {
        guard let store = captureLedger else { return noCaptureLedger() }
        do {
            let now = clock.now()
            switch try await LedgerCalls.run({ () throws(LedgerError) in try store.voidCapture(id, merchant: merchant, at: now) }) {
            case .voided(let capture), .dropped(let capture): return JSONResponse.make(200, Self.captureDTO(capture))
            case .notFound: return captureNotFound(id)
            case .mayBeCaptured(let capture, let settlement):
                return captureRefusal(
                    409, "batch-in-doubt", "Its batch may have been captured",
                    "capture \(id)'s batch was settled as \(settlement), which may have been captured: check TSYS reports and resolve it before dropping anything",
                    capture)
            case .notOpen(let capture):
                return captureRefusal(
                    409, "capture-not-open", "Capture not open",
                    "capture \(id) is \(capture.state.rawValue)\(capture.closeID.map { " (close \($0))" } ?? ""): only a capture in the open batch can be voided, or a held one dropped",
                    capture)
            }
        } catch {
            return ledgerUnavailable(error)
        }
    }

    static func captureDTO(_ capture: StoredCapture) -> CaptureDTO {
        CaptureDTO(
            id: capture.id, merchantId: capture.merchantID, state: capture.state.rawValue, maskedCardNumber: capture.maskedCardNumber,
            amount: capture.amount, kind: capture.kind, cardNumberErased: capture.sealedCardNumber == nil, closeId: capture.closeID,
            createdAt: LedgerMapping.timestamp(capture.createdAt), updatedAt: LedgerMapping.timestamp(capture.updatedAt),
            record: (try? JSONValue(parsing: capture.record)) ?? .object([]))
    }

    private func captureRefusal(_ status: Int, _ kind: String, _ title: String, _ detail: String, _ capture: StoredCapture) -> HTTPResponse {
        var response = JSONResponse.make(status, ProblemDocument(status: status, code: status, kind: kind, title: title, detail: detail))
        response.headers.append("Content-Location", "/v1/merchants/\(capture.merchantID)/captures/\(capture.id)")
        return response
    }

    private func captureNotFound(_ id: String) -> HTTPResponse {
        JSONResponse.make(
            404, ProblemDocument(status: 404, code: 404, kind: "capture-not-found", title: "Capture not found", detail: "no capture \(id)"))
    }

    private func noCaptureLedger() -> HTTPResponse {
        JSONResponse.problem(404, "Not found", "this server keeps no ledger, so no captures")
    }
}
