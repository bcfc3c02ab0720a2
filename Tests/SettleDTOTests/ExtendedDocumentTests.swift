import Foundation
import SettleModel
import Testing

@testable import SettleDTO

/// The production detail groups as the document names them: flat members of the detail, and
/// the `location`, `paymentFacilitator`, `token` and `detailExtension` objects.
@Suite struct ExtendedDocumentTests {
    func document(_ members: String, card: String = "5555555555554444", settings: String = "") -> String {
        SettlementDocumentTests.minimal
            .replacingOccurrences(of: "\"posDataCode\": \"D2010100000Z\"", with: "\"posDataCode\": \"D2010100000Z\", \(members)")
            .replacingOccurrences(of: "4111111111111111", with: card)
            .replacingOccurrences(of: "\"batchNumber\": 12,", with: "\"batchNumber\": 12, \(settings)")
    }

    @Test func aPaymentFacilitatorsTokenizedSaleReadsIntoEveryGroup() throws {
        let json = document(
            """
            "laneId": 12, "ucafCollectionIndicator": "2", "eCommerceGoodsIndicator": "P", "masterCardServiceCode": "101",
            "transactionSecurityIndicator": "T", "softDescriptor": "ORDER 1234",
            "location": {"name": "MON*BOBS CAR WASH", "city": "SEATTLE", "region": "WA", "postalCode": "98101"},
            "paymentFacilitator": {"id": "12345678901", "subMerchantId": "SUB0042"},
            "token": {"assuranceLevel": "05", "requestorId": "40010030273"},
            "detailExtension": {"optionalAmountIdentifier": "2", "optionalAmount": 150, "walletIdentifier": "103"}
            """, settings: "\"settings\": {\"genKey\": \"0123456789ABCDEF01234567\"},")
        let batch = try Examples.batch(Examples.read(json))
        let x = try #require(batch.detailRecords[0].extended)
        #expect(x.laneId == 12)
        #expect(x.ucafCollectionIndicator == "2")
        #expect(x.location?.country == "840", "the country defaults to the US")
        #expect(x.detailExtension[.paymentFacilitatorId] == "12345678901")
        #expect(x.detailExtension[.tokenRequestorId] == "40010030273")
        #expect(x.detailExtension[.optionalAmount] == "000000000150", "an amount goes out as 12 digits")
        #expect(x.detailExtension.entries.map(\.tag) == x.detailExtension.entries.map(\.tag).sorted())
        #expect(batch.detailRecords[0].optionalGroups(industry: .retail).groups == [11, 17, 18, 23, 32, 36, 37, 41, 45, 46])
    }

    @Test func aDetailWithoutTheseMembersCarriesNoExtendedBox() throws {
        let batch = try Examples.batch(Examples.read(SettlementDocumentTests.minimal))
        #expect(batch.detailRecords[0].extended == nil)
    }

    @Test func amexPurchasingDataDefaultsItsTaxTypeToSalesTax() throws {
        let json = document(
            """
            "level2": {"cardType": "americanExpress", "amexRequesterName": "JANE DOE", "amexTotalTaxAmount": 412}
            """, card: "378282246310005")
        let level2 = try #require(try Examples.batch(Examples.read(json)).detailRecords[0].level2)
        #expect(level2.amexTaxTypeCode == "056")
        #expect(level2.amexTotalTaxAmount == 412)
    }

    @Test func aNegativeOptionalAmountIsRefusedAtItsPointer() {
        let issues = Examples.issues(Examples.read(document("\"detailExtension\": {\"optionalAmountIdentifier\": \"0\", \"optionalAmount\": -5}")))
        #expect(issues.contains { $0.path == "/detailRecords/0/detailExtension/optionalAmount" }, "\(issues)")
    }

    @Test func anUnknownMemberOfTheDetailExtensionIsNamed() {
        let issues = Examples.issues(Examples.read(document("\"detailExtension\": {\"OAI\": \"1\"}")))
        #expect(issues.contains { $0.path == "/detailRecords/0/detailExtension/OAI" && $0.code == .invalidFormat }, "\(issues)")
    }

    /// The validator names a tag's place from ``DetailExtensionTag/member``; the reader's tables
    /// must put every tag at exactly that place, once.
    @Test(arguments: DetailExtensionTag.allCases)
    func eachDetailExtensionTagHasOneDocumentName(tag: DetailExtensionTag) {
        let tables: [String: [(StaticString, DetailExtensionTag)]] = [
            "paymentFacilitator": ExtendedDetailReader.paymentFacilitatorTags, "token": ExtendedDetailReader.tokenTags,
            "detailExtension": ExtendedDetailReader.detailExtensionTags,
        ]
        let places = tables.flatMap { object, table in table.filter { $0.1 == tag }.map { (object, $0.0.description) } }
        #expect(places.count == 1)
        #expect(places.first?.0 == tag.member.object && places.first?.1 == tag.member.key)
    }
}
