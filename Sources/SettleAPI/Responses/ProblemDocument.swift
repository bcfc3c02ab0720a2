import SettleDTO

/// An RFC 9457 problem (`application/problem+json`) with our stable `code`, and what the caller
/// needs to act on it: every validation problem, or the settlement result.
public struct ProblemDocument: Sendable, Hashable, Codable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    /// Stable: the class reference's number where one fits (501–606, link codes), else the status.
    public var code: Int
    public var problems: [ProblemDTO]?
    public var result: SettlementResultDTO?
    /// The ledger entry the problem is about (an earlier settlement of the same batch or key).
    public var settlement: String?

    /// `kind` names problems that share a status and code (the ledger's refusals). The type is
    /// a relative URI, `/problems/KIND` or `/problems/CODE`, each documented in openapi.yaml
    /// (resolved against the request, it names this service, not a domain someone else owns).
    public init(
        status: Int, code: Int, kind: String? = nil, title: String, detail: String, problems: [ProblemDTO]? = nil,
        result: SettlementResultDTO? = nil, settlement: String? = nil
    ) {
        type = "/problems/\(kind ?? String(code))"
        self.settlement = settlement
        self.title = title
        self.status = status
        self.detail = detail
        self.code = code
        self.problems = problems
        self.result = result
    }
}
