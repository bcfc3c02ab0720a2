import SettleModel

/// Where a request goes, worked out once from its path (the method is checked by the route).
enum Route: Equatable {
    case health
    case readiness
    case openAPI
    case metrics
    case validate
    /// `GET` lists, `POST` settles.
    case settlements
    case settlement(id: Substring)
    case resolve(id: Substring)
    /// `GET /v1/settlements/{id}/summary`.
    case summary(id: Substring)
    /// `GET /v1/reports/settlements`.
    case report
    /// `GET /v1/events`: the settlements' state changes, oldest first.
    case events
    /// `GET /v1/webhook-deliveries`.
    case webhookDeliveries
    case webhookDelivery(id: Substring)
    case redeliver(id: Substring)
    /// `GET /v1/merchants`: the merchant profiles.
    case merchants
    /// `GET`, `PUT`, `DELETE /v1/merchants/{merchantId}`.
    case merchant(id: Substring)
    /// `POST` (capture), `GET` (list) `/v1/merchants/{merchantId}/captures`.
    case captures(merchant: Substring)
    /// `GET`, `DELETE` (void) `/v1/merchants/{merchantId}/captures/{captureId}`.
    case capture(merchant: Substring, id: Substring)
    /// `POST /v1/merchants/{merchantId}/close`: close the open batch now.
    case close(merchant: Substring)
    /// `GET /v1/merchants/{merchantId}/closes`.
    case closes(merchant: Substring)
    /// `GET /v1/merchants/{merchantId}/closes/{closeId}`.
    case closeRecord(merchant: Substring, id: Substring)
    /// `POST /v1/merchants/{merchantId}/closes/{closeId}/retry`: a held close tried again.
    case retryClose(merchant: Substring, id: Substring)
    case unknown

    init(path: Substring) {
        switch path {
        case "/healthz": self = .health
        case "/readyz": self = .readiness
        case "/openapi.yaml": self = .openAPI
        case "/metrics": self = .metrics
        case "/v1/settlements/validate": self = .validate
        case "/v1/settlements": self = .settlements
        case "/v1/events": self = .events
        case "/v1/reports/settlements": self = .report
        case "/v1/webhook-deliveries": self = .webhookDeliveries
        case "/v1/merchants": self = .merchants
        case _ where path.hasPrefix("/v1/merchants/"):
            let parts = path.dropFirst("/v1/merchants/".count).split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
            guard MerchantProfile.isValidID(parts[0]) else {
                self = .unknown
                return
            }
            switch parts.count {
            case 1: self = .merchant(id: parts[0])
            case 2 where parts[1] == "captures": self = .captures(merchant: parts[0])
            case 2 where parts[1] == "close": self = .close(merchant: parts[0])
            case 2 where parts[1] == "closes": self = .closes(merchant: parts[0])
            case 3 where parts[1] == "captures" && Self.isID(parts[2]): self = .capture(merchant: parts[0], id: parts[2])
            case 3 where parts[1] == "closes" && Self.isID(parts[2]): self = .closeRecord(merchant: parts[0], id: parts[2])
            case 4 where parts[1] == "closes" && Self.isID(parts[2]) && parts[3] == "retry": self = .retryClose(merchant: parts[0], id: parts[2])
            default: self = .unknown
            }
        case _ where path.hasPrefix("/v1/webhook-deliveries/"):
            var id = path.dropFirst("/v1/webhook-deliveries/".count)
            let redelivers = id.hasSuffix("/redeliver")
            if redelivers { id = id.dropLast("/redeliver".count) }
            guard Self.isID(id) else {
                self = .unknown
                return
            }
            self = redelivers ? .redeliver(id: id) : .webhookDelivery(id: id)
        default:
            let prefix = "/v1/settlements/"
            guard path.hasPrefix(prefix) else {
                self = .unknown
                return
            }
            var id = path.dropFirst(prefix.count)
            let resolves = id.hasSuffix("/resolve"), summarizes = id.hasSuffix("/summary")
            if resolves { id = id.dropLast("/resolve".count) }
            if summarizes { id = id.dropLast("/summary".count) }
            guard Self.isID(id) else {
                self = .unknown
                return
            }
            self = resolves ? .resolve(id: id) : summarizes ? .summary(id: id) : .settlement(id: id)
        }
    }

    /// The routes of merchant profiles, the only ones a key scoped to merchants may call.
    var isMerchantRoute: Bool {
        switch self {
        case .merchants, .merchant, .captures, .capture, .close, .closes, .closeRecord, .retryClose: true
        default: false
        }
    }

    /// Ids are letters, digits and underscores (`stl_…`, `whd_…`).
    private static func isID(_ id: Substring) -> Bool {
        !id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// The route's label in the request metrics (ids folded, so the label set stays small).
    var metricsLabel: String {
        switch self {
        case .health: "/healthz"
        case .readiness: "/readyz"
        case .openAPI: "/openapi.yaml"
        case .metrics: "/metrics"
        case .validate: "/v1/settlements/validate"
        case .settlements: "/v1/settlements"
        case .settlement: "/v1/settlements/{id}"
        case .resolve: "/v1/settlements/{id}/resolve"
        case .summary: "/v1/settlements/{id}/summary"
        case .report: "/v1/reports/settlements"
        case .events: "/v1/events"
        case .webhookDeliveries: "/v1/webhook-deliveries"
        case .webhookDelivery: "/v1/webhook-deliveries/{id}"
        case .redeliver: "/v1/webhook-deliveries/{id}/redeliver"
        case .merchants: "/v1/merchants"
        case .merchant: "/v1/merchants/{merchantId}"
        case .captures: "/v1/merchants/{merchantId}/captures"
        case .capture: "/v1/merchants/{merchantId}/captures/{captureId}"
        case .close: "/v1/merchants/{merchantId}/close"
        case .closes: "/v1/merchants/{merchantId}/closes"
        case .closeRecord: "/v1/merchants/{merchantId}/closes/{closeId}"
        case .retryClose: "/v1/merchants/{merchantId}/closes/{closeId}/retry"
        case .unknown: "other"
        }
    }
}
