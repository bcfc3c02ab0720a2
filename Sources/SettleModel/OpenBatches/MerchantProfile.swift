/// A merchant whose captures this service keeps in an open batch and closes at its cutoffs: what
/// every batch of the merchant carries (industry, merchant and terminal, settings), and when it
/// closes.
public struct MerchantProfile: Sendable, Hashable {
    /// The caller's name for the merchant (`[A-Za-z0-9_-]`, 1–64), the path of its routes.
    public var id: String
    public var industryType: IndustryType
    public var merchant: Merchant
    public var settings: BatchSettings
    public var travelAgency: TravelAgency?
    public var cutoff: CutoffSchedule

    public init(
        id: String, industryType: IndustryType, merchant: Merchant, settings: BatchSettings, travelAgency: TravelAgency? = nil,
        cutoff: CutoffSchedule
    ) {
        self.id = id
        self.industryType = industryType
        self.merchant = merchant
        self.settings = settings
        self.travelAgency = travelAgency
        self.cutoff = cutoff
    }

    /// Whether `text` may name a merchant profile.
    public static func isValidID(_ text: some StringProtocol) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 95 || byte == 45
            }
    }
}
