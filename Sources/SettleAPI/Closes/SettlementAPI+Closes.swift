import Foundation
import Logging
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel
import SettleRecords
import SettleService
import SettleVault

/// Closes: a merchant's open batch frozen and settled, batch by batch, through the same path as
/// `POST /v1/settlements` (recorded before it is sent, under an idempotency key of its own, so a
/// batch driven twice is sent once).
extension SettlementAPI {
    /// Every store a close needs (every ledger database keeps them all).
    var closeLedger: (any CloseLedger & CaptureLedger & MerchantLedger & SettlementLedger)? {
        ledger as? any CloseLedger & CaptureLedger & MerchantLedger & SettlementLedger
    }

    /// `POST /v1/merchants/{merchantId}/close`: freezes the open batch now and settles it in the
    /// background; `202 Accepted` with the close at `Location`.
    func closeNow(_ merchant: String) async -> HTTPResponse {
        guard let store = closeLedger else { return JSONResponse.problem(404, "Not found", "this server keeps no ledger, so no closes") }
        let now = clock.now(), settings = closeSettings, replica = self.replica
        do {
            guard let profile = try await LedgerCalls.run({ () throws(LedgerError) in try store.merchantProfile(merchant) }) else {
                return merchantNotFound(merchant)
            }
            let date = LocalDate(now, in: TimeZone(identifier: profile.timeZone) ?? .gmt)
            let attempt = try await LedgerCalls.run { () throws(LedgerError) in
                try store.closeOpenBatch(
                    merchant: merchant, reason: .manual, cutoff: nil, nextCutoff: nil, transmissionDate: date, batchSize: settings.batchSize, at: now)
            }
            switch attempt {
            case .closed(let close):
                metrics.close(reason: close.reason.rawValue, result: "closed")
                eventRecorded?()
                // This replica drives what it froze, at once; should it stop, the claim runs out
                // and another replica's scheduler takes the close over.
                let claimed = try await LedgerCalls.run { () throws(LedgerError) in
                    try store.claimClose(close.id, replica: replica, at: now, until: now.addingTimeInterval(settings.claimSeconds))
                }
                if let claimed {
                    // With the settlements answered 202, so a graceful stop lets it finish.
                    let api = self
                    if background?.submit({ _ = await api.settleClose(claimed) }) != true { Task { _ = await api.settleClose(claimed) } }
                }
                var response = JSONResponse.make(202, Self.closeDTO(close))
                response.headers.append("Location", "/v1/merchants/\(merchant)/closes/\(close.id)")
                return response
            case .empty:
                return JSONResponse.make(
                    409,
                    ProblemDocument(
                        status: 409, code: 409, kind: "open-batch-empty", title: "Nothing to close",
                        detail: "merchant \(merchant) has no open captures"))
            case .merchantNotFound: return merchantNotFound(merchant)
            case .skipped, .alreadyTaken:
                return JSONResponse.problem(500, "Unexpected close", "a close asked for now was answered as a cutoff's")
            }
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// `GET /v1/merchants/{merchantId}/closes`, newest first.
    func listCloses(of merchant: String, _ request: HTTPRequest) async -> HTTPResponse {
        guard let store = closeLedger else { return JSONResponse.problem(404, "Not found", "this server keeps no ledger, so no closes") }
        let parameters = QueryParameters(target: Substring(request.head.target))
        if let unknown = parameters.names.subtracting(["limit"]).sorted().first {
            return JSONResponse.problem(400, "Unknown parameter", "\(unknown) is not a parameter; use limit")
        }
        var limit = 50
        if let text = parameters["limit"] {
            guard let number = Int(text), (1...500).contains(number) else { return JSONResponse.problem(400, "Invalid limit", "limit is 1 to 500") }
            limit = number
        }
        let asked = limit
        do {
            guard try await LedgerCalls.run({ () throws(LedgerError) in try store.merchantProfile(merchant) }) != nil else {
                return merchantNotFound(merchant)
            }
            let closes = try await LedgerCalls.run { () throws(LedgerError) in try store.closes(merchant: merchant, limit: asked) }
            return JSONResponse.make(200, CloseListDTO(closes: closes.map(Self.closeDTO)))
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// `GET /v1/merchants/{merchantId}/closes/{closeId}`.
    func lookUpClose(_ id: String, of merchant: String) async -> HTTPResponse {
        guard let store = closeLedger else { return JSONResponse.problem(404, "Not found", "this server keeps no ledger, so no closes") }
        do {
            guard let close = try await LedgerCalls.run({ () throws(LedgerError) in try store.storedClose(id) }), close.merchantID == merchant else {
                return JSONResponse.make(
                    404, ProblemDocument(status: 404, code: 404, kind: "close-not-found", title: "Close not found", detail: "no close \(id)"))
            }
            return JSONResponse.make(200, Self.closeDTO(close))
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// Settles every batch of `close` still to be tried, one after another; the close as it then
    /// is, or nil when the ledger could not be reached or a batch is under way elsewhere (a later
    /// pass goes on from where this one stopped).
    public func settleClose(_ close: StoredClose) async -> StoredClose? {
        guard let store = closeLedger else { return nil }
        var current = close
        // Each try either ends its batch or makes another try (at most the attempts allowed, or
        // one per capture dropped): bounded, so a defect cannot spin.
        for _ in 0..<(close.batches.count * (closeSettings.maximumAttempts + closeSettings.batchSize + 1)) {
            guard let batch = current.batches.first(where: { $0.state == .pending }) else { return current }
            guard let ended = await settleCloseBatch(current, batch, store: store) else { return nil }
            current = ended
            let now = clock.now(), id = close.id, replica = self.replica, until = now.addingTimeInterval(closeSettings.claimSeconds)
            // Renewed batch by batch: a long close is not taken over while it is being settled.
            _ = try? await LedgerCalls.run { () throws(LedgerError) in try store.claimClose(id, replica: replica, at: now, until: until) }
        }
        return current
    }

    /// One try of one batch: built from the captures, their numbers opened, settled, its ending
    /// recorded.
    private func settleCloseBatch(
        _ close: StoredClose, _ batch: CloseBatch, store: any CloseLedger & CaptureLedger & MerchantLedger & SettlementLedger
    ) async -> StoredClose? {
        let closeID = close.id, index = batch.index, attempt = batch.attempt
        let end = { (ending: CloseBatchEnding) async -> StoredClose? in
            let now = self.clock.now()
            let ended = try? await LedgerCalls.run { () throws(LedgerError) in
                try store.endCloseBatch(closeID, index: index, attempt: attempt, ending, at: now)
            }
            if let ended { self.metrics.closeBatch(Self.label(ending)) }
            return ended
        }
        let profile: StoredMerchantProfile?, captures: [StoredCapture]
        do {
            profile = try await LedgerCalls.run { () throws(LedgerError) in try store.merchantProfile(close.merchantID) }
            captures = try await LedgerCalls.run { () throws(LedgerError) in try store.closeBatchCaptures(closeID, index: index) }
        } catch {
            settler.logger.warning("close \(closeID): the ledger cannot be read now: \(error)")
            return nil
        }
        guard let profile else { return await end(.held(settlementID: nil, rejectedCaptureID: nil, note: "the merchant profile is gone")) }
        guard let keyring = cardDataKeys else {
            settler.logger.warning("close \(closeID) waits: this server has no card data key to open its card numbers with")
            return nil
        }
        var records: [(stored: [UInt8], cardNumber: String)] = []
        for capture in captures {
            guard let text = capture.sealedCardNumber else {
                return await end(
                    .held(
                        settlementID: nil, rejectedCaptureID: capture.id,
                        note: "the card number of capture \(capture.id) was erased (kept \(closeSettings.retentionDays) days at most)"))
            }
            do {
                records.append((capture.record, try SealedCardNumber(text: text).open(context: capture.id, keyring: keyring)))
            } catch {
                return await end(.held(settlementID: nil, rejectedCaptureID: capture.id, note: "capture \(capture.id): \(error.message)"))
            }
        }
        guard !records.isEmpty else { return await end(.held(settlementID: nil, rejectedCaptureID: nil, note: "no captures left to send")) }
        let document = CaptureDocument.settlementDocument(
            profile: profile.document, records: records, transmissionDate: close.transmissionDate, batchNumber: batch.batchNumber)
        var numbering = defaults
        numbering.allowsAutomaticBatchNumber = true
        let submission: SettlementDocument.Submission
        switch SettlementDocument.submission(json: document, defaults: numbering, today: close.transmissionDate) {
        case .success(let read): submission = read
        case .failure(let failure):
            let first = failure.description.prefix(300)
            return await end(.held(settlementID: nil, rejectedCaptureID: nil, note: "the batch does not validate: \(first)"))
        }
        let key = batch.settlementKey(closeID: closeID)
        let (_, entryID) = await settleRecorded(submission, key: key, unscopedKey: key, trace: nil, ledger: store)
        guard let entryID, let entry = try? await LedgerCalls.run({ () throws(LedgerError) in try store.entry(entryID) }) else { return nil }
        let number = entry.submission.batchNumber
        _ = try? await LedgerCalls.run { () throws(LedgerError) in
            try store.recordCloseBatchSettlement(closeID, index: index, attempt: attempt, settlementID: entryID, batchNumber: number)
        }
        switch entry.state {
        case .received, .transmitting:
            return nil  // under way in another process; its ending is read at a later pass
        case .accepted:
            return await end(.accepted(settlementID: entryID))
        case .rejected:
            let rejected = entry.outcome?.rejection?.detailRecordIndex.flatMap { captures.indices.contains($0) ? captures[$0] : nil }
            if closeSettings.dropsRejectedCaptures, let rejected {
                return await end(.dropAndRetry(settlementID: entryID, rejectedCaptureID: rejected.id, batchNumber: number))
            }
            let named = rejected.map { " naming capture \($0.id)" } ?? ""
            return await end(
                .held(settlementID: entryID, rejectedCaptureID: rejected?.id, note: "the host rejected batch \(number) (RB)\(named)"))
        case .duplicate:
            return await end(
                .held(settlementID: entryID, rejectedCaptureID: nil, note: "the host already has batch number \(number) (QD); check TSYS reports"))
        case .failed:
            let why = entry.outcome?.failure ?? "nothing was captured"
            if attempt < closeSettings.maximumAttempts { return await end(.retry(settlementID: entryID, note: why)) }
            return await end(.held(settlementID: entryID, rejectedCaptureID: nil, note: "failed \(attempt) times: \(why)"))
        case .inDoubt:
            switch entry.resolution {
            case "captured": return await end(.accepted(settlementID: entryID))
            case "notCaptured": return await end(.retry(settlementID: entryID, note: "resolved as not captured"))
            default:
                return await end(
                    .held(
                        settlementID: entryID, rejectedCaptureID: nil,
                        note: "in doubt: check TSYS reports and resolve settlement \(entryID)"))
            }
        }
    }

    package static func label(_ ending: CloseBatchEnding) -> String {
        switch ending {
        case .accepted: "accepted"
        case .held: "held"
        case .dropAndRetry: "dropped_and_resent"
        case .retry: "retried"
        }
    }
}
