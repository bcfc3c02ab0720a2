import Foundation

/// The component schemas of the repository's `openapi.yaml`, read line by line as the file is
/// written (two-space indentation, one property per line at the properties' level, anything
/// deeper belonging to the property above it): enough to hold the spec to what the readers
/// accept, without a YAML library in the tests.
public struct OpenAPISchemas: Sendable {
    /// The repository's root (three levels above this file).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `openapi.yaml` of the repository.
    public static let repository = OpenAPISchemas(text: (try? String(contentsOf: root.appendingPathComponent("openapi.yaml"), encoding: .utf8)) ?? "")

    /// Schema name → property name → the property's text (its line and the deeper lines after it).
    public let properties: [String: [String: String]]

    public init(text: String) {
        var schemas: [String: [String: String]] = [:]
        var schema: String?, property: String?
        var inComponents = false, inProperties = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            guard !content.isEmpty else { continue }
            if indent <= 2 {
                inComponents = line == "  schemas:"
                schema = nil
                continue
            }
            guard inComponents else { continue }
            switch indent {
            case 4:
                schema = content.firstIndex(of: ":").map { String(content[..<$0]) }
                inProperties = false
                property = nil
            case 6:
                inProperties = content.hasPrefix("properties:")
                property = nil
            case 8 where inProperties:
                guard let schema, let colon = content.firstIndex(of: ":") else { continue }
                let name = String(content[..<colon])
                property = name
                schemas[schema, default: [:]][name] = String(content)
            default:
                guard indent > 8, let schema, let property else { continue }
                schemas[schema]?[property]? += "\n" + content
            }
        }
        properties = schemas
    }

    /// The property names of a schema.
    public func names(of schema: String) -> Set<String> {
        Set(properties[schema]?.keys ?? [:].keys)
    }

    /// Whether the property may be an integer (`type: integer`, alone or as one of `anyOf`).
    public func isInteger(_ schema: String, _ property: String) -> Bool {
        properties[schema]?[property]?.contains("type: integer") ?? false
    }

    /// The `minimum` and `maximum` the spec gives an integer property, when it gives both.
    public func integerLimits(_ schema: String, _ property: String) -> ClosedRange<Int64>? {
        guard let text = properties[schema]?[property], let low = Self.number(after: "minimum: ", in: text),
            let high = Self.number(after: "maximum: ", in: text), low <= high
        else { return nil }
        return low...high
    }

    private static func number(after label: String, in text: String) -> Int64? {
        guard let range = text.range(of: label) else { return nil }
        return Int64(text[range.upperBound...].prefix { $0 == "-" || $0.isNumber })
    }
}
