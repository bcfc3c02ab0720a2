import Foundation
import SettleDTO
import SettleHTTP
import SettleJSON
import SettleLedger
import SettleModel

/// `/v1/merchants`: the merchant profiles whose captures this service keeps in open batches.
extension SettlementAPI {
    /// The ledger's merchant profiles (every ledger database keeps them).
    var merchantLedger: (any MerchantLedger)? { ledger as? any MerchantLedger }

    /// `PUT /v1/merchants/{merchantId}`: creates or replaces the profile, validated with the
    /// settlement document's own rules; `If-Match` makes the replacement conditional.
    func putMerchantProfile(_ id: String, _ request: HTTPRequest) async -> HTTPResponse {
        guard let store = merchantLedger else { return noMerchantLedger() }
        if let refusal = unsupportedMediaType(request, document: "the merchant profile") { return refusal }
        let version: Int?
        switch Self.ifMatch(request) {
        case .success(let parsed): version = parsed
        case .failure(let refusal): return refusal.response
        }
        let read: MerchantProfileDocument.Read
        switch MerchantProfileDocument.read(json: request.body, id: id, defaults: documentDefaults, today: clock.today()) {
        case .success(let profile): read = profile
        case .failure(let failure): return invalid(failure.issues, title: "Invalid merchant profile", outcome: "nothing was stored")
        }
        let now = clock.now()
        let profile = read.profile
        let stored = StoredMerchantProfile(
            id: id, document: read.canonicalJSON, industry: profile.industryType.rawValue, merchantNumber: profile.merchant.number,
            terminalNumber: profile.merchant.terminalNumber, timeZone: profile.cutoff.timeZone.identifier,
            nextCutoff: profile.cutoff.next(after: now))
        let put: MerchantProfilePut
        do {
            put = try await LedgerCalls.run { () throws(LedgerError) in try store.putMerchantProfile(stored, ifVersion: version, at: now) }
        } catch {
            return ledgerUnavailable(error)
        }
        switch put {
        case .created(let created):
            var response = merchantProfileResponse(201, created)
            response.headers.append("Location", "/v1/merchants/\(id)")
            return response
        case .replaced(let replaced):
            return merchantProfileResponse(200, replaced)
        case .versionMismatch(let current):
            return versionMismatch(id, current)
        }
    }

    /// `GET /v1/merchants/{merchantId}`.
    func lookUpMerchantProfile(_ id: String) async -> HTTPResponse {
        guard let store = merchantLedger else { return noMerchantLedger() }
        do {
            guard let profile = try await LedgerCalls.run({ () throws(LedgerError) in try store.merchantProfile(id) }) else {
                return merchantNotFound(id)
            }
            return merchantProfileResponse(200, profile)
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// `DELETE /v1/merchants/{merchantId}`, conditional with `If-Match`.
    func deleteMerchantProfile(_ id: String, _ request: HTTPRequest) async -> HTTPResponse {
        guard let store = merchantLedger else { return noMerchantLedger() }
        let version: Int?
        switch Self.ifMatch(request) {
        case .success(let parsed): version = parsed
        case .failure(let refusal): return refusal.response
        }
        do {
            switch try await LedgerCalls.run({ () throws(LedgerError) in try store.deleteMerchantProfile(id, ifVersion: version) }) {
            case .deleted: return HTTPResponse(status: 204, headers: HTTPHeaders([("Cache-Control", "no-store")]), body: [])
            case .notFound: return merchantNotFound(id)
            case .versionMismatch(let current): return versionMismatch(id, current)
            case .capturesPending(let count):
                return JSONResponse.make(
                    409,
                    ProblemDocument(
                        status: 409, code: 409, kind: "captures-pending", title: "Captures pending",
                        detail: "merchant \(id) has \(count) capture\(count == 1 ? "" : "s") not yet settled; void them or close the batch first"))
            }
        } catch {
            return ledgerUnavailable(error)
        }
    }

    /// `GET /v1/merchants?after=&limit=`: the profiles the caller may see, in id order.
    func listMerchantProfiles(_ request: HTTPRequest, caller: APICaller) async -> HTTPResponse {
        guard let store = merchantLedger else { return noMerchantLedger() }
        let parameters = QueryParameters(target: Substring(request.head.target))
        let known: Set<String> = ["after", "limit"]
        if let unknown = parameters.names.subtracting(known).sorted().first {
            return JSONResponse.problem(400, "Unknown parameter", "\(unknown) is not a parameter; use after, limit")
        }
        let limit: Int
        switch parameters.limit(default: 100) {
        case .success(let number): limit = number
        case .failure(let refusal): return refusal.response
        }
        let after = parameters["after"], ids = caller.merchants, asked = limit + 1
        do {
            var page = try await LedgerCalls.run { () throws(LedgerError) in try store.merchantProfiles(after: after, ids: ids, limit: asked) }
            let hasMore = page.count > limit
            if hasMore { page.removeLast() }
            return JSONResponse.make(
                200, MerchantProfileListDTO(merchants: page.map(Self.merchantProfileDTO), nextAfter: hasMore ? page.last?.id : nil))
        } catch {
            return ledgerUnavailable(error)
        }
    }

    func merchantNotFound(_ id: String) -> HTTPResponse {
        JSONResponse.make(
            404, ProblemDocument(status: 404, code: 404, kind: "merchant-not-found", title: "Merchant not found", detail: "no merchant profile \(id)")
        )
    }

    private func noMerchantLedger() -> HTTPResponse {
        JSONResponse.problem(404, "Not found", "this server keeps no ledger, so no merchant profiles")
    }

    private func versionMismatch(_ id: String, _ current: StoredMerchantProfile?) -> HTTPResponse {
        let detail =
            current.map { "merchant profile \(id) is at version \($0.version); read it again and send If-Match: \"\($0.version)\"" }
            ?? "there is no merchant profile \(id) to replace; send it without If-Match to create it"
        return JSONResponse.make(
            412, ProblemDocument(status: 412, code: 412, kind: "version-mismatch", title: "Precondition failed", detail: detail))
    }

    private func merchantProfileResponse(_ status: Int, _ profile: StoredMerchantProfile) -> HTTPResponse {
        var response = JSONResponse.make(status, Self.merchantProfileDTO(profile))
        response.headers.append("ETag", "\"\(profile.version)\"")
        return response
    }

    static func merchantProfileDTO(_ profile: StoredMerchantProfile) -> MerchantProfileDTO {
        let zone = TimeZone(identifier: profile.timeZone) ?? .gmt
        return MerchantProfileDTO(
            id: profile.id, version: profile.version, nextCutoff: profile.nextCutoff.map { LedgerMapping.timestamp($0, in: zone) },
            createdAt: LedgerMapping.timestamp(profile.createdAt), updatedAt: LedgerMapping.timestamp(profile.updatedAt),
            profile: (try? JSONValue(parsing: profile.document)) ?? .object([]))
    }

    /// `If-Match`: absent (nil), or one entity tag of a version (`"3"`).
    static func ifMatch(_ request: HTTPRequest) -> Result<Int?, Refusal> {
        guard let header = request.head.headers["if-match"] else { return .success(nil) }
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.count > 2, text.first == "\"", text.last == "\"", let version = Int(text.dropFirst().dropLast()), version > 0 else {
            return .failure(
                Refusal(JSONResponse.problem(400, "Invalid If-Match", "If-Match takes the profile's ETag as GET gave it, such as \"3\"")))
        }
        return .success(version)
    }
}
