import Foundation
import SettleJSON
import SettleTestSupport
import Testing

@testable import SettleDTO

/// `openapi.yaml` describes exactly the fields the document reader accepts, so a client built
/// from the spec neither misses a field nor sends one the server refuses.
@Suite struct OpenAPIDocumentTests {
    static let spec = OpenAPISchemas.repository

    /// Every kind of object in the document against its reader, so none of them is an open object.
    @Test(arguments: DocumentKind.all.map(\.schema))
    func everyObjectsFieldsMatchItsReader(schema: String) throws {
        let kind = try #require(DocumentKind.named(schema))
        #expect(Self.spec.names(of: schema) == kind.keys.names, "\(schema)")
    }

    /// Each nested object of the catalogue is the schema the spec refers to there.
    @Test func everyNestedObjectIsTheSpecsSchema() {
        for kind in DocumentKind.all {
            for child in kind.children {
                let text = Self.spec.properties[kind.schema]?[child.member] ?? ""
                #expect(text.contains("#/components/schemas/\(child.schema)\""), "\(kind.schema).\(child.member)")
                #expect(DocumentKind.named(child.schema) != nil, "\(child.schema)")
            }
        }
    }
}
