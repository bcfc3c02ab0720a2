import Foundation
import SettleHTTP
import SettleLoad
import Synchronization
import Testing

/// The server over real loopback sockets: keep-alive, pipelining, 100-continue, refusals,
/// timeouts, the connection limit and draining.
@Suite(.serialized) struct HTTPServerTests {
    /// Echoes the method, path and body; `/slow` takes 300 ms.
    static let echo: HTTPServer.Handler = { request in
        if request.head.path == "/slow" { try? await Task.sleep(for: .milliseconds(300)) }
        let text = "\(request.head.method) \(request.head.target) \(String(decoding: request.body, as: UTF8.self))"
        return HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "text/plain")]), body: Array(text.utf8))
    }

    func server(_ configure: (inout HTTPServerConfiguration) -> Void = { _ in }) async throws -> (HTTPServer, Int) {
        var configuration = HTTPServerConfiguration(port: 0)
        configure(&configuration)
        let server = HTTPServer(configuration: configuration, handler: Self.echo)
        return (server, try await server.start())
    }

    /// A server on a port outside the ephemeral range: once it has let the port go, no other test's
    /// server (port 0) is given it, so a refused connection means this one closed its listener.
    func serverOnAPortOfItsOwn() async throws -> (HTTPServer, Int) {
        for _ in 0..<20 {
            let server = HTTPServer(configuration: HTTPServerConfiguration(port: Int.random(in: 20_000..<30_000)), handler: Self.echo)
            if let port = try? await server.start() { return (server, port) }
        }
        throw HTTPServerError("no free port between 20000 and 30000")
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        let (server, port) = try await server()
        let client = try HTTPTestClient(port: port)
        for index in 1...3 {
            client.send("POST /v1/s HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n\r\n\(index)")
            let response = try #require(await client.response())
            #expect(response.status == 200)
            #expect(response.body == "POST /v1/s \(index)")
            #expect(response.head.contains("\r\nDate: "))
        }
        await server.shutdown()
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        let (server, port) = try await server()
        let client = try HTTPTestClient(port: port)
        client.send(
            "GET /slow HTTP/1.1\r\nHost: a\r\n\r\nGET /fast HTTP/1.1\r\nHost: a\r\n\r\nGET /last HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        #expect(await client.response()?.body == "GET /slow ")
        #expect(await client.response()?.body == "GET /fast ")
        let last = try #require(await client.response())
        #expect(last.body == "GET /last ")
        #expect(last.head.contains("Connection: close"))
        #expect(await client.isClosedByServer())
        await server.shutdown()
    }

    /// RFC 9112 lets a client half-close once its request is sent (`nc -N`, one-shot clients):
    /// the request is answered, then the connection closes. A hundred times in a row, for GET and
    /// POST, so an answer lost to a race would show.
    @Test(arguments: ["GET /half HTTP/1.1\r\nHost: a\r\n\r\n", "POST /half HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nbody"])
    func aRequestFollowedByAHalfCloseIsAnsweredThenClosed(request: String) async throws {
        let (server, port) = try await server()
        let expected = request.hasPrefix("GET") ? "GET /half " : "POST /half body"
        for _ in 0..<100 {
            let client = try HTTPTestClient(port: port)
            client.send(request)
            #expect(client.halfClose())
            let response = try #require(await client.response())
            #expect(response.status == 200)
            #expect(response.body == expected)
            #expect(await client.isClosedByServer())
        }
        await server.shutdown()
    }

    /// Pipelined requests, the first slow, then end of input: every one is answered in order
    /// before the connection closes.
    @Test func pipelinedRequestsBeforeAHalfCloseAreAllAnswered() async throws {
        let (server, port) = try await server()
        for _ in 0..<10 {
            let client = try HTTPTestClient(port: port)
            client.send(
                "GET /slow HTTP/1.1\r\nHost: a\r\n\r\nPOST /b HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhiGET /c HTTP/1.1\r\nHost: a\r\n\r\n")
            client.halfClose()
            #expect(await client.response()?.body == "GET /slow ")
            #expect(await client.response()?.body == "POST /b hi")
            #expect(await client.response()?.body == "GET /c ")
            #expect(await client.isClosedByServer())
        }
        await server.shutdown()
    }

    /// A request cut short by the end of input can never complete: the connection closes, and
    /// nothing reaches the handler.
    @Test func aRequestCutShortByAHalfCloseIsDropped() async throws {
        let (server, port) = try await server()
        let client = try HTTPTestClient(port: port)
        client.send("POST /cut HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc")
        client.halfClose()
        #expect(await client.response() == nil)
        #expect(await client.isClosedByServer())
        await server.shutdown()
    }

    @Test func expectContinueGetsAnInterimResponse() async throws {
        let (server, port) = try await server()
        let client = try HTTPTestClient(port: port)
        client.send("POST /v1/s HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
        #expect(await client.response()?.status == 100)
        client.send("hello")
        #expect(await client.response()?.body == "POST /v1/s hello")
        await server.shutdown()
    }

    @Test func aSmugglingAttemptIsRefusedAndTheConnectionClosed() async throws {
        let (server, port) = try await server()
        let client = try HTTPTestClient(port: port)
        client.send(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n")
        let response = try #require(await client.response())
        #expect(response.status == 400)
        #expect(await client.isClosedByServer())
        await server.shutdown()
    }

    /// RFC 9112 §9.6 tear-down: refusing an upload that is still arriving, the server half-closes
    /// (the client reads the 413, then end of stream) but keeps reading and dropping the upload
    /// until the client closes, rather than closing at once and answering the upload with a
    /// reset that can destroy the response on the way.
    @Test func aRefusedUploadGetsAStagedClose() async throws {
        let (server, port) = try await server { $0.limits.maximumBodyBytes = 64 * 1024 }
        let client = try HTTPTestClient(port: port)
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 4 * 1024 * 1024)
        client.send("POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: \(body.count)\r\n\r\n")
        // One thread sends while this one reads: a plain socket allows that.
        let upload = Thread { client.send(bytes: body) }
        upload.start()
        let response = try #require(await client.response())
        #expect(response.status == 413)
        #expect(await client.isClosedByServer())
        #expect(server.openConnections == 1)  // still draining the upload
        let deadline = ContinuousClock.now + .seconds(5)
        while !upload.isFinished && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        client.close()
        while server.openConnections > 0 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(server.openConnections == 0)
        await server.shutdown()
    }

    @Test func aSlowHeadIsCutOffWith408() async throws {
        let (server, port) = try await server { $0.headerReadTimeout = .milliseconds(200) }
        let client = try HTTPTestClient(port: port)
        client.send("GET / HTTP/1.1\r\nHost: a\r\n")  // never finishes the head
        #expect(await client.response()?.status == 408)
        #expect(await client.isClosedByServer())
        await server.shutdown()
    }

    @Test func anIdleConnectionIsClosedQuietly() async throws {
        let (server, port) = try await server { $0.idleTimeout = .milliseconds(200) }
        let client = try HTTPTestClient(port: port)
        #expect(await client.isClosedByServer())
        await server.shutdown()
    }

    @Test func connectionsBeyondTheLimitGet503() async throws {
        let (server, port) = try await server { $0.maximumConnections = 1 }
        let first = try HTTPTestClient(port: port)
        first.send("GET /a HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(await first.response()?.status == 200)
        let second = try HTTPTestClient(port: port)
        #expect(await second.response()?.status == 503)
        await server.shutdown()
    }

    @Test func shutdownLetsARequestInHandFinish() async throws {
        let (server, port) = try await serverOnAPortOfItsOwn()
        let client = try HTTPTestClient(port: port)
        client.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n")
        try await Task.sleep(for: .milliseconds(50))
        await server.shutdown()
        let response = try #require(await client.response())
        #expect(response.body == "GET /slow ")
        #expect(response.head.contains("Connection: close"))
        #expect(server.openConnections == 0)
        #expect(throws: (any Error).self) { try HTTPTestClient(port: port) }
    }

    /// Slowloris: 300 connections dribbling a head that never ends. A fresh client is served
    /// while every one of them is still held (none has reached the deadline), and then each is
    /// cut with 408 at the header deadline. (Its latency is measured by `settle-bench slowloris`.)
    @Test func slowClientsDoNotStarveAFreshOneAndAreCutAtTheHeaderDeadline() async throws {
        let (server, port) = try await server {
            // Generous: the fresh client must be served before it, even on a loaded machine.
            $0.headerReadTimeout = .seconds(4)
            $0.maximumConnections = 1000
        }
        let slow = try SlowClients(count: 300, port: port)
        try await Task.sleep(for: .milliseconds(300))  // every slow connection is mid-head
        let fresh = try HTTPTestClient(port: port)
        fresh.send("GET /fast HTTP/1.1\r\nHost: a\r\n\r\n")
        let response = try #require(await fresh.response())
        let cutWhileFreshWasServed = slow.cutCount()
        #expect(response.body == "GET /fast ")
        #expect(cutWhileFreshWasServed == 0)
        #expect(server.openConnections >= 301)
        slow.stop()  // the heads stay unfinished; nothing more arrives to race the server's close
        let endings = slow.endings()  // waits for the deadline
        #expect(endings.count == 300)
        #expect(endings.allSatisfy { $0?.hasPrefix("HTTP/1.1 408 ") == true })
        slow.disconnect()
        let deadline = ContinuousClock.now + .seconds(5)
        while server.openConnections > 1 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(server.openConnections <= 1)
        await server.shutdown()
    }
}
