import SettleJSON

/// A merchant profile as stored (`GET /v1/merchants/{merchantId}`): the document as it was put
/// (`profile`, which can be put back as it is), its version and its next cutoff.
public struct MerchantProfileDTO: Sendable, Hashable, Encodable {
    public var id: String
    /// Starts at 1, one more at each replacement; the `ETag`, and what `If-Match` names.
    public var version: Int
    /// RFC 3339 in the cutoff's zone (its offset shows which side of a daylight-saving change it
    /// falls on); nil when no cutoff is to come.
    public var nextCutoff: String?
    public var createdAt: String
    public var updatedAt: String
    public var profile: JSONValue

    public init(id: String, version: Int, nextCutoff: String?, createdAt: String, updatedAt: String, profile: JSONValue) {
        self.id = id
        self.version = version
        self.nextCutoff = nextCutoff
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.profile = profile
    }
}

/// A page of merchant profiles, in id order.
public struct MerchantProfileListDTO: Sendable, Hashable, Encodable {
    public var merchants: [MerchantProfileDTO]
    /// Pass as `after` for the next page; absent on the last.
    public var nextAfter: String?

    public init(merchants: [MerchantProfileDTO], nextAfter: String?) {
        self.merchants = merchants
        self.nextAfter = nextAfter
    }
}
