import Foundation
import SettleJSON
import SettleLoad
import SettleTestSupport
import Testing

@testable import SettleDTO

/// Every field of every object the document's readers know, given the integers that break
/// arithmetic, sent to a real `tsys-settle serve` over loopback (issue 10).
///
/// The fields come from the readers' own key sets (``DocumentKind``), so a field a reader gains
/// is covered here without anyone listing it; `openapi.yaml` says which are numbers and their
/// limits, and this test holds it to what the server does. Each example document supplies the
/// objects it has; a kind no example has is added, empty, under its parent.
@Suite(.serialized) struct DocumentNumberExtremesTests {
    /// Where one object of a kind sits in one document.
    struct Target {
        var example: String
        var document: JSONValue
        var path: [JSONValue.Step]
        var kind: DocumentKind
    }

    static let spec = OpenAPISchemas.repository
    /// The values every field is given: the ends of Int64, -1 and 0.
    static let extremes: [Int64] = [.max, .min, -1, 0]

    @Test func everyFieldAtEveryExtremeIsAnsweredAndTheServerStaysUp() throws {
        let (process, port) = try ServeCommandTests().start()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let server = try Server(port: port)
        var cases = 0
        for target in try Self.targets() {
            for key in target.kind.keys.names.sorted() {
                let field = target.path + [.member(key)]
                let name = "\(target.example) \(JSONValue.pointer(field))"
                if Self.spec.isInteger(target.kind.schema, key) {
                    guard let limits = Self.spec.integerLimits(target.kind.schema, key) else {
                        Issue.record("openapi.yaml gives \(target.kind.schema).\(key) no minimum and maximum")
                        continue
                    }
                    for value in Self.values(around: limits) {
                        let problems = try server.validate(target.document.setting(field, to: .integer(value)), name: "\(name) = \(value)")
                        cases += 1
                        if limits.contains(value) {
                            // In range: read as a number (no format problem), whatever other rules say.
                            #expect(!problems.contains { $0.pointer == JSONValue.pointer(field) && $0.code == 502 }, "\(name) = \(value)")
                        } else {
                            #expect(problems.contains { $0.pointer == JSONValue.pointer(field) }, "\(name) = \(value) was not refused by name")
                        }
                    }
                    // Beyond Int64: a number the document cannot hold.
                    let problems = try server.validate(target.document.setting(field, to: .number(1e19)), name: "\(name) = 1e19")
                    #expect(problems.contains { $0.pointer == JSONValue.pointer(field) }, "\(name) = 1e19")
                    cases += 1
                } else {
                    for value in Self.extremes {
                        let problems = try server.validate(target.document.setting(field, to: .integer(value)), name: "\(name) = \(value)")
                        #expect(problems.contains { $0.pointer == JSONValue.pointer(field) }, "\(name) = \(value) was not refused by name")
                        cases += 1
                    }
                }
            }
        }
        #expect(cases > 1000)
    }

    /// All numeric fields of a document at one extreme together, and each at its own limit
    /// plus one: the server names every one of them.
    @Test func everyNumericFieldOfADocumentAtOnceIsRefusedByName() throws {
        let (process, port) = try ServeCommandTests().start()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let server = try Server(port: port)
        let byExample = Dictionary(grouping: try Self.targets(), by: \.example)
        for (example, targets) in byExample.sorted(by: { $0.key < $1.key }) {
            // Fields are set on one document: the targets of an example share its objects.
            let fields = targets.flatMap { target in
                target.kind.keys.names.sorted().filter { Self.spec.isInteger(target.kind.schema, $0) }.compactMap { key in
                    Self.spec.integerLimits(target.kind.schema, key).map { (path: target.path + [.member(key)], limits: $0) }
                }
            }
            let base = targets.map(\.document).max { $0.text.utf8.count < $1.text.utf8.count } ?? .null
            let settings: [(String, (ClosedRange<Int64>) -> Int64)] = [
                ("Int64.max", { _ in .max }), ("Int64.min", { _ in .min }), ("-1", { _ in -1 }), ("limit + 1", { $0.upperBound + 1 }),
            ]
            for (label, value) in settings {
                var document = base
                for field in fields { document = document.setting(field.path, to: .integer(value(field.limits))) }
                let problems = try server.validate(document, name: "\(example) all at \(label)")
                for field in fields where !field.limits.contains(value(field.limits)) {
                    #expect(
                        problems.contains { $0.pointer == JSONValue.pointer(field.path) },
                        "\(example) all at \(label): \(JSONValue.pointer(field.path))")
                }
            }
        }
    }

    /// The values a numeric field is given: the extremes, and one past each end of its limits.
    static func values(around limits: ClosedRange<Int64>) -> [Int64] {
        var values = extremes
        for value in [limits.lowerBound.subtractingReportingOverflow(1), limits.upperBound.addingReportingOverflow(1)] where !value.overflow {
            if !values.contains(value.partialValue) { values.append(value.partialValue) }
        }
        return values
    }

    /// The first object of each kind in each example, then each kind no example has, added
    /// empty under the first object of its parent's kind.
    static func targets() throws -> [Target] {
        let directory = OpenAPISchemas.root.appendingPathComponent("examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        var targets: [Target] = []
        for name in names {
            let document = try JSONValue(parsing: try Data(contentsOf: directory.appendingPathComponent(name)))
            var seen: Set<String> = []
            for (path, kind) in objects(in: document, kind: DocumentKind.root, at: []) where seen.insert(kind.schema).inserted {
                targets.append(Target(example: String(name.dropLast(5)), document: document, path: path, kind: kind))
            }
        }
        for kind in DocumentKind.all where !targets.contains(where: { $0.kind.schema == kind.schema }) {
            guard
                let (parent, child) = DocumentKind.all.lazy.compactMap({ parent in
                    parent.children.first { $0.schema == kind.schema }.map { (parent, $0) }
                }).first,
                let host = targets.first(where: { $0.kind.schema == parent.schema })
            else {
                Issue.record("no example has a place for \(kind.schema)")
                continue
            }
            let path = host.path + [.member(child.member)] + (child.isArray ? [.element(0)] : [])
            let empty: JSONValue = child.isArray ? .array([.object([])]) : .object([])
            let document = host.document.setting(host.path + [.member(child.member)], to: empty)
            targets.append(Target(example: host.example + "+" + kind.schema, document: document, path: path, kind: kind))
        }
        return targets
    }

    /// Every object of the document with its kind, parents first.
    static func objects(in value: JSONValue, kind: DocumentKind, at path: [JSONValue.Step]) -> [([JSONValue.Step], DocumentKind)] {
        guard case .object = value else { return [] }
        var found = [(path, kind)]
        for child in kind.children {
            guard let childKind = DocumentKind.named(child.schema), let member = value[[.member(child.member)]] else { continue }
            if child.isArray, case .array(let elements) = member {
                for index in elements.indices {
                    found += objects(in: elements[index], kind: childKind, at: path + [.member(child.member), .element(index)])
                }
            } else if !child.isArray {
                found += objects(in: member, kind: childKind, at: path + [.member(child.member)])
            }
        }
        return found
    }

    /// One keep-alive connection to the server under test.
    struct Server {
        struct Problem: Decodable {
            var code: Int
            var pointer: String
        }

        struct Answer: Decodable {
            var problems: [Problem]?
        }

        let client: HTTPTestClient

        init(port: Int) throws { client = try HTTPTestClient(port: port) }

        /// Posts the document to the validate route and returns its problems; then checks the
        /// server still answers `/healthz`.
        func validate(_ document: JSONValue, name: String) throws -> [Problem] {
            let body = Array(document.text.utf8)
            client.send(
                "POST /v1/settlements/validate HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n")
            client.send(bytes: body)
            let response = try #require(client.response(), "\(name): no answer (the server died?)")
            #expect(response.status == 400 || response.status == 200, "\(name): status \(response.status)")
            client.send("GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(client.response()?.status == 200, "\(name): /healthz did not answer")
            return try JSONDecoder().decode(Answer.self, from: Data(response.body.utf8)).problems ?? []
        }
    }
}
