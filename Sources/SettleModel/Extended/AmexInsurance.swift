/// An American Express insurance premium (detail group 43, EIS 1081 §4.28).
public struct AmexInsurance: Sendable, Hashable {
    /// Policy number, up to 23 characters.
    public var policyNumber: String
    public var coverageStartDate: LocalDate
    public var coverageEndDate: LocalDate
    /// How often the premium is paid (`MONTHLY`, `ANNUAL`, …), up to 7 characters.
    public var premiumFrequency: String
    /// A second policy the charge covers, up to 23 characters.
    public var additionalPolicyNumber: String
    /// Kind of policy (`AUTO`, `HOME`, `LIFE`, …), up to 25 characters.
    public var policyType: String
    /// The insured's name, up to 30 characters.
    public var insuredName: String

    public init(
        policyNumber: String, coverageStartDate: LocalDate, coverageEndDate: LocalDate, premiumFrequency: String = "",
        additionalPolicyNumber: String = "", policyType: String = "", insuredName: String
    ) {
        self.policyNumber = policyNumber
        self.coverageStartDate = coverageStartDate
        self.coverageEndDate = coverageEndDate
        self.premiumFrequency = premiumFrequency
        self.additionalPolicyNumber = additionalPolicyNumber
        self.policyType = policyType
        self.insuredName = insuredName
    }
}
