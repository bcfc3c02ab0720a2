import Foundation
import SettleHTTPCore

/// The connection machine acts the same whatever pieces the bytes arrive in (the requests it
/// dispatches, what it writes, when it closes), answering each request as it is dispatched and
/// ending the input after the last piece.
enum HTTPConnectionTarget {
    static func run(_ input: [UInt8]) -> FuzzFailure? {
        guard let seed = input.first else { return nil }
        let bytes = input.dropFirst()
        let whole = transcript([bytes])
        let split = transcript(FuzzSplit(seed: seed).pieces(of: bytes))
        guard whole == split else { return FuzzFailure("a split changed what the connection did", "whole: \(whole)\nsplit: \(split)") }
        return nil
    }

    static func transcript(_ pieces: [ArraySlice<UInt8>]) -> [String] {
        var machine = HTTPConnectionMachine(limits: HTTPLimits(maximumBodyBytes: 4096), maximumQueuedRequests: 2)
        var log: [String] = []
        var written: [UInt8] = []
        func record(_ actions: [HTTPConnectionMachine.Action]) -> [HTTPRequest] {
            var dispatched: [HTTPRequest] = []
            for action in actions {
                switch action {
                case .write(let bytes): written += bytes
                case .dispatch(let request):
                    log.append("dispatch \(request.head.method) \(request.head.target) \(request.body.count)")
                    dispatched.append(request)
                case .close: log.append("close")
                }
            }
            return dispatched
        }
        func answer(_ requests: [HTTPRequest]) {
            var pending = requests
            while !pending.isEmpty {
                let request = pending.removeFirst()
                pending += record(machine.responded(HTTPResponse(status: 200, body: Array("\(request.body.count)".utf8))))
            }
        }
        for piece in pieces {
            guard machine.phase != .closed else { break }
            // Bytes are read only while the machine wants them, as the server does.
            if machine.wantsInput { answer(record(machine.received(piece))) } else { log.append("paused") }
        }
        answer(record(machine.inputEnded()))
        // Writes are compared whole (how they were grouped into actions may differ), less the Date
        // header, which the clock may move between the two runs, and less 100 Continue, which is
        // sent only when the body has not begun to arrive with the head (so a split may call for it).
        let text = String(decoding: written, as: UTF8.self).replacingOccurrences(of: "HTTP/1.1 100 Continue\r\n\r\n", with: "")
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        return log.filter { $0 != "paused" } + lines.filter { !$0.hasPrefix("Date: ") }.map(String.init)
    }
}
