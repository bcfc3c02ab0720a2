import Foundation
import SettleDTO
import SettleHTTP
import SettleJSON

/// JSON bodies for responses: `application/json` for results, `application/problem+json` for problems.
enum JSONResponse {
    static func make(_ status: Int, _ value: some Encodable) -> HTTPResponse {
        let body: [UInt8]
        if let writable = value as? any JSONWritable {
            // The same bytes, without Encodable's machinery (the validate route's answer).
            var json = JSONWriter()
            writable.write(to: &json)
            body = json.bytes
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            body = (try? encoder.encode(value)).map(Array.init) ?? Array("{}".utf8)
        }
        let type = value is ProblemDocument ? "application/problem+json" : "application/json"
        return HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", type), ("Cache-Control", "no-store")]), body: body)
    }

    static func problem(_ status: Int, code: Int? = nil, _ title: String, _ detail: String) -> HTTPResponse {
        make(status, ProblemDocument(status: status, code: code ?? status, title: title, detail: detail))
    }
}
