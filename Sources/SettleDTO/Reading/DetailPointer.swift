/// Reads the detail index out of a pointer such as `/detailRecords/3/cardNumber`.
enum DetailPointer {
    static func index(in pointer: String) -> Int? {
        let parts = pointer.split(separator: "/")
        guard parts.count >= 2, parts[0] == "detailRecords" else { return nil }
        return Int(parts[1])
    }
}
