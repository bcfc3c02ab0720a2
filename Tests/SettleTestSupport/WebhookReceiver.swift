import Foundation

/// A webhook receiver on loopback that answers from a script (then 204) and keeps every request
/// it was sent. It is a Python process of its own, so it answers on time however busy the test
/// process's threads are (a receiver inside it would wait for them on a loaded machine).
public final class WebhookReceiver: Sendable {
    public enum Reply: Sendable {
        case status(Int)
        /// Answers only after this long (the sender times out first).
        case hang(Duration)
        case redirect(String)
    }

    /// One request as received.
    public struct Received: Sendable {
        public var method: String
        /// Field names in lower case.
        public var headers: [String: String]
        public var body: [UInt8]
    }

    static let script = #"""
        import base64, http.server, json, sys, threading, time
        log, replies, lock = open(sys.argv[1], "a", buffering=1), sys.argv[2:], threading.Lock()
        class Receiver(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with lock:
                    reply = replies.pop(0) if replies else "204"
                    log.write(json.dumps({"method": self.command, "headers": {k.lower(): v for k, v in self.headers.items()},
                                          "body": base64.b64encode(body).decode()}) + "\n")
                status, location = 204, None
                if reply.startswith("hang:"):
                    time.sleep(float(reply[5:]))
                elif reply.startswith("redirect:"):
                    status, location = 302, reply[9:]
                else:
                    status = int(reply)
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()
            def log_message(self, *arguments):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
        server.daemon_threads = True
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    private let process: Process
    private let log: URL
    public let port: Int

    public var url: URL { URL(string: "http://127.0.0.1:\(port)/hook")! }

    public var requests: [Received] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return Received(
                method: object["method"] as? String ?? "", headers: object["headers"] as? [String: String] ?? [:],
                body: Array(Data(base64Encoded: object["body"] as? String ?? "") ?? Data()))
        }
    }

    public init(script replies: [Reply] = []) async throws {
        let directory = Scratch.url("receiver")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("receiver.py")
        try Self.script.write(to: file, atomically: true, encoding: .utf8)
        log = directory.appendingPathComponent("requests.jsonl")
        let arguments = replies.map { reply -> String in
            switch reply {
            case .status(let status): String(status)
            case .hang(let duration): "hang:\(duration.components.seconds)"
            case .redirect(let location): "redirect:\(location)"
            }
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", file.path, log.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        // Not the test process's stderr: a receiver left behind must not hold the runner's pipe.
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadUnknown)
        }
        self.port = port
    }

    /// SIGKILL: the test process may ignore SIGTERM, and an ignored signal stays ignored in a child.
    public func stop() async { kill(process.processIdentifier, SIGKILL) }

    deinit { kill(process.processIdentifier, SIGKILL) }
}
