import SettleHTTPCore
import Testing

/// The connection rules without sockets: order, keep-alive, 100-continue, errors, draining.
@Suite struct HTTPConnectionMachineTests {
    func text(_ action: HTTPConnectionMachine.Action) -> String? {
        if case .write(let bytes) = action { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    func dispatched(_ actions: [HTTPConnectionMachine.Action]) -> [String] {
        actions.compactMap { if case .dispatch(let request) = $0 { request.head.target } else { nil } }
    }

    @Test func pipelinedRequestsAreHandledOneAtATimeAndAnsweredInOrder() {
        var machine = HTTPConnectionMachine()
        let first = machine.received(Array("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        #expect(dispatched(first) == ["/a"])
        #expect(machine.phase == .handling)
        let second = machine.responded(HTTPResponse(status: 200, body: Array("a".utf8)))
        #expect(text(second[0])?.hasPrefix("HTTP/1.1 200 OK\r\n") == true)
        #expect(dispatched(second) == ["/b"])
        let third = machine.responded(HTTPResponse(status: 204))
        #expect(third.count == 1)
        #expect(machine.phase == .idle)
    }

    @Test func connectionCloseIsHonouredAndNothingAfterItIsRead() {
        var machine = HTTPConnectionMachine()
        let actions = machine.received(Array("GET /a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        #expect(dispatched(actions) == ["/a"])
        #expect(!machine.wantsInput)
        let answered = machine.responded(HTTPResponse(status: 200))
        #expect(text(answered[0])?.contains("Connection: close\r\n") == true)
        #expect(answered.last == .close)
        #expect(machine.phase == .closed)
    }

    @Test func expectContinueIsAnsweredBeforeTheBodyArrives() {
        var machine = HTTPConnectionMachine()
        let head = machine.received(Array("POST /s HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n".utf8))
        #expect(head.compactMap(text) == ["HTTP/1.1 100 Continue\r\n\r\n"])
        #expect(machine.phase == .readingBody)
        let body = machine.received(Array("abcd".utf8))
        guard case .dispatch(let request)? = body.first else { return #expect(Bool(false)) }
        #expect(request.body == Array("abcd".utf8))
        // A client that sent the body anyway gets no interim response.
        var eager = HTTPConnectionMachine()
        let all = eager.received(Array("POST /s HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nabcd".utf8))
        #expect(all.compactMap(text).isEmpty)
    }

    @Test func aPipelinedRequestsContinueWaitsForTheAnswersBeforeIt() {
        var machine = HTTPConnectionMachine()
        let first = machine.received(
            Array(
                "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nxPOST /b HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"
                    .utf8))
        #expect(dispatched(first) == ["/a"])
        // A 100 now would be read as the interim answer to /a.
        #expect(first.compactMap(text).isEmpty)
        let answered = machine.responded(HTTPResponse(status: 200))
        #expect(answered.compactMap(text).map { String($0.prefix(12)) } == ["HTTP/1.1 200", "HTTP/1.1 100"])
        let body = machine.received(Array("abcd".utf8))
        #expect(dispatched(body) == ["/b"])
        // Owed only while the body has not come: one that arrives with its head is simply read.
        var eager = HTTPConnectionMachine()
        _ = eager.received(
            Array(
                "GET /a HTTP/1.1\r\nHost: h\r\n\r\nPOST /b HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nabcd".utf8))
        #expect(eager.responded(HTTPResponse(status: 200)).compactMap(text).map { String($0.prefix(12)) } == ["HTTP/1.1 200"])
    }

    @Test func aMalformedRequestIsAnsweredAfterThoseBeforeItThenTheConnectionCloses() {
        var machine = HTTPConnectionMachine()
        let actions = machine.received(Array("GET /ok HTTP/1.1\r\nHost: h\r\n\r\nGET /bad HTTP/1.1\nHost: h\n\n".utf8))
        #expect(dispatched(actions) == ["/ok"])
        let after = machine.responded(HTTPResponse(status: 200))
        #expect(text(after[0])?.hasPrefix("HTTP/1.1 200 OK") == true)
        #expect(text(after[1])?.hasPrefix("HTTP/1.1 400 Bad Request") == true)
        #expect(text(after[1])?.contains("Connection: close") == true)
        #expect(after.last == .close)
    }

    @Test func drainingFinishesTheRequestInHandThenCloses() {
        var machine = HTTPConnectionMachine()
        _ = machine.received(Array("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        #expect(machine.drain().isEmpty)
        let answered = machine.responded(HTTPResponse(status: 200))
        #expect(text(answered[0])?.contains("Connection: close") == true)
        #expect(answered.last == .close)
        var idle = HTTPConnectionMachine()
        #expect(idle.drain() == [.close])
    }

    @Test func thePipelineQueueIsBounded() {
        var machine = HTTPConnectionMachine(maximumQueuedRequests: 2)
        let requests = String(repeating: "GET /x HTTP/1.1\r\nHost: h\r\n\r\n", count: 5)
        // One in the handler, two queued: the rest waits in the socket.
        #expect(dispatched(machine.received(Array(requests.utf8))) == ["/x"])
        #expect(!machine.wantsInput)
        #expect(dispatched(machine.responded(HTTPResponse(status: 204))) == ["/x"])
        #expect(!machine.wantsInput)
        var answered = 2
        while case .dispatch = machine.responded(HTTPResponse(status: 204)).last { answered += 1 }
        #expect(answered == 5)
        #expect(machine.phase == .idle)
    }

    @Test func headResponsesHaveNoBody() {
        var machine = HTTPConnectionMachine()
        _ = machine.received(Array("HEAD /healthz HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        let answered = machine.responded(HTTPResponse(status: 200, body: Array("ok".utf8)))
        #expect(text(answered[0])?.hasSuffix("\r\n\r\n") == true)
        #expect(text(answered[0])?.contains("Content-Length: 2") == true)
    }

    @Test func aRequestInHandWhenTheInputEndsIsAnsweredThenTheConnectionCloses() {
        var machine = HTTPConnectionMachine()
        #expect(dispatched(machine.received(Array("GET /a HTTP/1.1\r\nHost: h\r\n\r\n".utf8))) == ["/a"])
        #expect(machine.inputEnded().isEmpty, "the request in hand is still answered")
        #expect(!machine.wantsInput)
        #expect(machine.phase == .handling)
        let answered = machine.responded(HTTPResponse(status: 200))
        #expect(text(answered[0])?.hasPrefix("HTTP/1.1 200 OK\r\n") == true)
        #expect(answered.last == .close)
        #expect(machine.phase == .closed)
    }

    /// More requests than the queue holds, then the end: the ones still in the buffer are read
    /// and answered too, in order, before the close.
    @Test func everyRequestReceivedBeforeTheEndIsAnsweredInOrder() {
        var machine = HTTPConnectionMachine(maximumQueuedRequests: 1)
        let requests = (1...4).map { "GET /\($0) HTTP/1.1\r\nHost: h\r\n\r\n" }.joined()
        #expect(dispatched(machine.received(Array(requests.utf8))) == ["/1"])
        #expect(machine.inputEnded().isEmpty)
        var order = ["/1"]
        var actions = machine.responded(HTTPResponse(status: 204))
        while actions.last != .close {
            order += dispatched(actions)
            actions = machine.responded(HTTPResponse(status: 204))
        }
        #expect(order == ["/1", "/2", "/3", "/4"])
        #expect(machine.phase == .closed)
    }

    @Test func theEndOfInputWithNothingToAnswerClosesAtOnce() {
        var idle = HTTPConnectionMachine()
        #expect(idle.inputEnded() == [.close])
        var cut = HTTPConnectionMachine()
        #expect(dispatched(cut.received(Array("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 9\r\n\r\nabc".utf8))).isEmpty)
        #expect(cut.inputEnded() == [.close], "a request cut short can never complete")
    }
}
