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
    /// `GET /v1/events`: the settlements' state changes, oldest first.
    case events
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
        default:
            let prefix = "/v1/settlements/"
            guard path.hasPrefix(prefix) else {
                self = .unknown
                return
            }
            var id = path.dropFirst(prefix.count)
            let resolves = id.hasSuffix("/resolve")
            if resolves { id = id.dropLast("/resolve".count) }
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                self = .unknown
                return
            }
            self = resolves ? .resolve(id: id) : .settlement(id: id)
        }
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
        case .events: "/v1/events"
        case .unknown: "other"
        }
    }
}
