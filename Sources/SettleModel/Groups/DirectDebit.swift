/// On-line debit data echoed from the debit authorization (detail group 10).
public struct DirectDebit: Sendable, Hashable {
    /// Retrieval reference number, up to 12 characters.
    public var retrievalReferenceNumber: String
    /// System trace audit number, 0–999999.
    public var systemTraceAuditNumber: Int
    /// Debit network identification code, 1 character.
    public var networkId: String
    /// Debit settlement date (`MMDD` on the wire).
    public var settlementDate: LocalDate

    public init(retrievalReferenceNumber: String, systemTraceAuditNumber: Int, networkId: String, settlementDate: LocalDate) {
        self.retrievalReferenceNumber = retrievalReferenceNumber
        self.systemTraceAuditNumber = systemTraceAuditNumber
        self.networkId = networkId
        self.settlementDate = settlementDate
    }
}
