extension HTTPHeaders {
    /// The names of the preferences the client states in `Prefer` fields (RFC 7240 §2),
    /// lowercased, without their values or parameters: `Prefer: respond-async, wait=10` gives
    /// `["respond-async", "wait"]`. A server may honour or ignore each.
    public var preferences: [String] {
        tokens("prefer").compactMap { element in
            let name = element.prefix { $0 != "=" && $0 != ";" }.trimmingHTTPWhitespace()
            return name.isEmpty ? nil : name
        }
    }
}
