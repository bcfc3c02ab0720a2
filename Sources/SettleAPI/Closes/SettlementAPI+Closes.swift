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
                // The close happened: whatever the claim meets, the answer is 202 (a scheduler takes it).
                let claimed = try? await LedgerCalls.run { () throws(LedgerError) in
                    try store.claimClose(close.id, replica: replica, at: now, until: now.addingTimeInterval(settings.claimSeconds))
                }
                if let claimed = claimed ?? nil {
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
        let asked: Int
        switch parameters.limit(default: 50) {
        case .success(let number): asked = number
        case .failure(let refusal): return refusal.response
        }
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
                return closeNotFound(id)
            }
            return JSONResponse.make(200, Self.closeDTO(close))
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// `POST /v1/merchants/{merchantId}/closes/{closeId}/retry`: every held batch of a held close
    /// tried again (after an operator checked TSYS reports, resolved an in-doubt settlement, or the
    /// host's cause went away). A batch whose earlier try was captured after all is settled
    /// without sending anything.
    func retryClose(_ id: String, of merchant: String) async -> HTTPResponse {
        guard let store = closeLedger else { return JSONResponse.problem(404, "Not found", "this server keeps no ledger, so no closes") }
        let now = clock.now(), replica = self.replica, until = now.addingTimeInterval(closeSettings.claimSeconds)
        do {
            guard let close = try await LedgerCalls.run({ () throws(LedgerError) in try store.storedClose(id) }), close.merchantID == merchant else {
                return closeNotFound(id)
            }
            // A batch whose own settlement is in doubt waits for its resolution: tried again
            // before it, the batch could be captured twice.
            for batch in close.batches where batch.state == .held {
                guard let settlement = batch.settlementID,
                    let entry = try await LedgerCalls.run({ () throws(LedgerError) in try store.entry(settlement) }),
                    entry.state == .inDoubt, entry.resolution == nil
                else { continue }
                return JSONResponse.make(
                    409,
                    ProblemDocument(
                        status: 409, code: 409, kind: "batch-in-doubt", title: "Earlier attempt in doubt",
                        detail:
                            "batch \(batch.index)'s settlement \(settlement) is in doubt: check TSYS reports and resolve it (POST /v1/settlements/\(settlement)/resolve) before trying the close again",
                        settlement: settlement))
            }
            guard let retried = try await LedgerCalls.run({ () throws(LedgerError) in try store.retryHeldClose(id, at: now) }) else {
                return JSONResponse.make(
                    409,
                    ProblemDocument(
                        status: 409, code: 409, kind: "close-not-held", title: "Close not held",
                        detail: "close \(id) is \(close.state.rawValue): only a held close is tried again"))
            }
            if let claimed = try? await LedgerCalls.run({ () throws(LedgerError) in try store.claimClose(id, replica: replica, at: now, until: until)
            }) {
                let api = self
                if background?.submit({ _ = await api.settleClose(claimed) }) != true { Task { _ = await api.settleClose(claimed) } }
            }
            var response = JSONResponse.make(202, Self.closeDTO(retried))
            response.headers.append("Location", "/v1/merchants/\(merchant)/closes/\(id)")
            return response
        } catch {
            return ledgerUnavailable(error)
        }
    }

    private func closeNotFound(_ id: String) -> HTTPResponse {
        JSONResponse.make(404, ProblemDocument(status: 404, code: 404, kind: "close-not-found", title: "Close not found", detail: "no close \(id)"))
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
            guard current.state == .settling else { return current }
            let now = clock.now(), id = close.id, replica = self.replica, until = now.addingTimeInterval(closeSettings.claimSeconds)
            // Renewed batch by batch, so a long close is not taken over while it is being settled;
            // a claim lost (taken over after a pause) or not renewed stops this driver.
            let renewed = try? await LedgerCalls.run { () throws(LedgerError) in try store.claimClose(id, replica: replica, at: now, until: until) }
            guard renewed != nil else { return current }
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
        let fresh: StoredClose?, captures: [StoredCapture], previous: LedgerEntry?
        do {
            fresh = try await LedgerCalls.run { () throws(LedgerError) in try store.storedClose(closeID) }
            captures = try await LedgerCalls.run { () throws(LedgerError) in try store.closeBatchCaptures(closeID, index: index) }
            let earlier = batch.settlementID
            previous = try await LedgerCalls.run { () throws(LedgerError) in try earlier.flatMap { (id) throws(LedgerError) in try store.entry(id) } }
        } catch {
            settler.logger.warning("close \(closeID): the ledger cannot be read now: \(error)")
            return nil
        }
        // Still this try? Another driver (after a claim ran out) may have ended it meanwhile.
        guard let fresh, let current = fresh.batches.first(where: { $0.index == index }), current.attempt == attempt, current.state == .pending
        else { return fresh }
        // An earlier try that was captured after all (in doubt, resolved captured; or its ending
        // written late): the batch is settled, and nothing is sent again.
        if let previous, previous.submission.idempotencyKey != batch.settlementKey(closeID: closeID),
            previous.state == .accepted || (previous.state == .inDoubt && previous.resolution == "captured")
        {
            return await end(.accepted(settlementID: previous.id))
        }
        let profileDocument = close.profileDocument
        guard let keyring = cardDataKeys else {
            settler.logger.warning("close \(closeID) waits: this server has no card data key to open its card numbers with")
            return nil
        }
        var records: [(stored: [UInt8], cardNumber: String)] = []
        let erased = captures.filter { $0.sealedCardNumber == nil }.map(\.id)
        if !erased.isEmpty {
            return await end(
                .held(
                    settlementID: nil, rejectedCaptureID: erased.first,
                    note:
                        "the card numbers of \(erased.count) capture(s) were erased (kept \(closeSettings.retentionDays) days at most); drop them and retry: \(erased.prefix(20).joined(separator: ", "))"
                ))
        }
        for capture in captures {
            guard let text = capture.sealedCardNumber else { continue }
            do {
                records.append((capture.record, try SealedCardNumber(text: text).open(context: capture.id, keyring: keyring)))
            } catch  where error.code == .unknownKey || error.code == .cipherFailed {
                // Another replica may hold the key (a rotation rolling out): left for it, not held.
                settler.logger.warning("close \(closeID) waits for a replica that can open capture \(capture.id): \(error.message)")
                return nil
            } catch {
                return await end(.held(settlementID: nil, rejectedCaptureID: capture.id, note: "capture \(capture.id): \(error.message)"))
            }
        }
        guard !records.isEmpty else { return await end(.held(settlementID: nil, rejectedCaptureID: nil, note: "no captures left to send")) }
        let document = CaptureDocument.settlementDocument(
            profile: profileDocument, records: records, transmissionDate: close.transmissionDate, batchNumber: batch.batchNumber)
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
        // Only this try's own settlement speaks for it: a refusal names another settlement of the
        // same batch number, whose outcome is not this batch's (unless it is an earlier try of this
        // very batch, captured after all).
        guard entry.submission.idempotencyKey == key else {
            if entry.state == .received || entry.state == .transmitting { return nil }
            let ownPrefix = "\(CloseBatch.keyPrefix)\(closeID):\(index):"
            if entry.submission.idempotencyKey?.hasPrefix(ownPrefix) == true,
                entry.state == .accepted || (entry.state == .inDoubt && entry.resolution == "captured")
            {
                return await end(.accepted(settlementID: entry.id))
            }
            return await end(
                .numberTaken(by: entry.id, note: "batch number \(number) is taken by another settlement (\(entry.state.rawValue)); nothing was sent"))
        }
        // Noted before anything is decided: a later try must know this one's number and settlement.
        do {
            try await LedgerCalls.run { () throws(LedgerError) in
                try store.recordCloseBatchSettlement(closeID, index: index, attempt: attempt, settlementID: entryID, batchNumber: number)
            }
        } catch {
            settler.logger.warning("close \(closeID): the settlement of batch \(index) cannot be noted now: \(error)")
            return nil
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
        case .numberTaken: "number_taken"
        }
    }
}
