/// One settlement batch: merchant data, batch identity and the detail records to settle.
public struct Batch: Sendable, Hashable {
    public var merchant: Merchant
    /// The one industry of every record in the batch.
    public var industryType: IndustryType
    /// 1–999; must not repeat within five days for the same merchant and terminal.
    public var batchNumber: Int
    /// Batch transmission date (header and trailer `MMDD`), normally today's local date.
    public var transmissionDate: LocalDate
    public var settings: BatchSettings
    /// Header group 1, passenger transport only.
    public var travelAgency: TravelAgency?
    public var detailRecords: [DetailRecord]

    public init(
        merchant: Merchant, industryType: IndustryType, batchNumber: Int, transmissionDate: LocalDate,
        settings: BatchSettings = BatchSettings(), travelAgency: TravelAgency? = nil,
        detailRecords: [DetailRecord]
    ) {
        self.merchant = merchant
        self.industryType = industryType
        self.batchNumber = batchNumber
        self.transmissionDate = transmissionDate
        self.settings = settings
        self.travelAgency = travelAgency
        self.detailRecords = detailRecords
    }

    /// Whether any detail carries Level III line items: the whole batch then uses application type 5.
    public var hasLineItems: Bool { detailRecords.contains { $0.lineItemCount > 0 } }
}
