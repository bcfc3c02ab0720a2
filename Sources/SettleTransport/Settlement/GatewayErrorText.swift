import Foundation
import SettleLink
import SettleModel

/// An `x-data/xact-error` body, `NNN - description` (spec §1.5), as a link failure. Gateway
/// numbers are their own (``GatewayErrorNumber``), so they travel in the message with code 524.
struct GatewayErrorText {
    let number: Int?
    let text: String

    init(_ body: [UInt8]) {
        let line = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = line.prefix { $0.isNumber }
        let rest = line.dropFirst(digits.count).drop { $0 == " " || $0 == "-" }
        number = Int(digits)
        text = number == nil ? line : String(rest)
    }

    /// Errors where the gateway lost the host mid-transaction or got no usable answer: the batch
    /// may have been captured. A number the gateway is not known to send is read as such too.
    var inDoubt: Bool { number.map { GatewayErrorNumber(rawValue: $0)?.mayHaveBeenCaptured ?? true } ?? true }

    var failure: LinkFailure {
        LinkFailure(
            code: .serverErrorResponse, message: "gateway error \(number.map(String.init) ?? "?") - \(text)", inDoubt: inDoubt,
            blocksAcknowledged: 0)
    }
}
