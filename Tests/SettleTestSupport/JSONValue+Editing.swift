import Foundation
import SettleJSON

extension JSONValue {
    /// One step of a path into a document: an object's member or an array's element.
    public enum Step: Hashable, Sendable, CustomStringConvertible {
        case member(String)
        case element(Int)

        public var description: String {
            switch self {
            case .member(let name): name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            case .element(let index): String(index)
            }
        }
    }

    /// The JSON pointer of a path.
    public static func pointer(_ path: [Step]) -> String {
        path.map { "/\($0)" }.joined()
    }

    /// The value at `path`, if there is one.
    public subscript(path: [Step]) -> JSONValue? {
        guard let step = path.first else { return self }
        switch (self, step) {
        case (.object(let members), .member(let name)): return members.first { $0.key == name }?.value[Array(path.dropFirst())]
        case (.array(let elements), .element(let index)) where elements.indices.contains(index): return elements[index][Array(path.dropFirst())]
        default: return nil
        }
    }

    /// This value with the one at `path` replaced; a missing last member is added. A path
    /// through anything else leaves the value as it is.
    public func setting(_ path: [Step], to value: JSONValue) -> JSONValue {
        guard let step = path.first else { return value }
        let rest = Array(path.dropFirst())
        switch (self, step) {
        case (.object(var members), .member(let name)):
            if let index = members.firstIndex(where: { $0.key == name }) {
                members[index].value = members[index].value.setting(rest, to: value)
            } else if rest.isEmpty {
                members.append((name, value))
            }
            return .object(members)
        case (.array(var elements), .element(let index)) where elements.indices.contains(index):
            elements[index] = elements[index].setting(rest, to: value)
            return .array(elements)
        default:
            return self
        }
    }
}
