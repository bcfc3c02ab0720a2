import Foundation
import Synchronization

/// A PostgreSQL server of the tests' own: `initdb` and `pg_ctl` from the system's PostgreSQL in
/// a temporary directory, listening on a Unix socket there only, started once per test process
/// and stopped when it exits. PostgreSQL refuses to run as root, so as root it runs as the
/// `postgres` account the package creates. Each caller gets a database of its own.
public final class PostgresTestServer: Sendable {
    /// The server, started on first use; a failure to start fails the tests that need it.
    public static let shared: Result<PostgresTestServer, TestServerError> = Result(catching: { () throws(TestServerError) in try PostgresTestServer()
    })

    /// A server of the caller's own, for a test that stops and starts it; stopped at exit too.
    public static func dedicated() throws(TestServerError) -> PostgresTestServer { try PostgresTestServer() }

    public struct TestServerError: Error, CustomStringConvertible {
        public let description: String
    }

    let directory: String
    let port: Int
    let binaries: String

    /// A URL for `database` on this server (trust authentication, user `ledger`).
    public func url(database: String) -> String {
        "postgresql://ledger@/\(database)?host=\(directory)&port=\(port)"
    }

    /// A new, empty database; returns its URL.
    public func makeDatabase() throws(TestServerError) -> String {
        let name = "ledger_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try Self.run("/usr/bin/psql", ["-q", "-v", "ON_ERROR_STOP=1", url(database: "postgres"), "-c", "CREATE DATABASE \(name)"], asServer: false)
        return url(database: name)
    }

    /// Runs SQL against a database (`psql`), for tests that need to look inside or stop things.
    public func psql(_ url: String, _ sql: String) throws(TestServerError) -> String {
        try Self.run("/usr/bin/psql", ["-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", url, "-c", sql], asServer: false)
    }

    /// The whole database as `pg_dump` writes it (schema and every row, as SQL text).
    public func dump(_ url: String) throws(TestServerError) -> String {
        try Self.run("/usr/bin/pg_dump", ["--no-owner", url], asServer: false)
    }

    /// Stops the server (fast), for tests of the database going away; `start()` brings it back.
    public func stop() throws(TestServerError) {
        _ = try Self.run(binaries + "/pg_ctl", ["-D", directory + "/data", "-m", "fast", "-w", "stop"], asServer: true)
    }

    public func start() throws(TestServerError) {
        _ = try Self.run(
            binaries + "/pg_ctl",
            [
                "-D", directory + "/data", "-l", directory + "/server.log", "-w", "-o",
                "-k \(directory) -p \(port) -c listen_addresses='' -c fsync=off -c max_connections=200",
                "start",
            ], asServer: true)
    }

    private init() throws(TestServerError) {
        guard let version = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql"))?.compactMap(Int.init).max() else {
            throw TestServerError(description: "PostgreSQL is not installed (/usr/lib/postgresql): run scripts/install-system-packages")
        }
        binaries = "/usr/lib/postgresql/\(version)/bin"
        directory = NSTemporaryDirectory() + "tsys-settle-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Only the socket's name depends on the port: the directory is ours alone.
        port = 5432
        do {
            // Trust authentication: only the server's own account may reach its socket.
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if geteuid() == 0 { try FileManager.default.setAttributes([.ownerAccountName: "postgres"], ofItemAtPath: directory) }
        } catch {
            throw TestServerError(description: "cannot prepare \(directory): \(error)")
        }
        // Registered before anything can fail, so a half-made server is cleaned up at exit too.
        let first = Self.running.withLock { running in
            running.append((binaries, directory))
            return running.count == 1
        }
        if first {
            atexit {
                for (binaries, directory) in PostgresTestServer.running.withLock({ $0 }) {
                    _ = try? PostgresTestServer.run(binaries + "/pg_ctl", ["-D", directory + "/data", "-m", "immediate", "stop"], asServer: true)
                    try? FileManager.default.removeItem(atPath: directory)
                }
            }
        }
        _ = try Self.run(
            binaries + "/initdb", ["-D", directory + "/data", "-U", "ledger", "--auth=trust", "--no-sync", "-E", "UTF8"], asServer: true)
        try start()
    }

    /// Every started server's binaries and directory, for the exit handler.
    private static let running = Mutex<[(String, String)]>([])

    /// Runs a tool to its end with posix_spawn and waitpid (the server pg_ctl starts outlives
    /// it and keeps its output open, so nothing here waits on a pipe), its output in a file.
    @discardableResult
    private static func run(_ tool: String, _ arguments: [String], asServer: Bool) throws(TestServerError) -> String {
        let argv = asServer && geteuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", tool] + arguments : [tool] + arguments
        let log = NSTemporaryDirectory() + "tsys-settle-pg-tool-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log"
        defer { unlink(log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw TestServerError(description: "cannot run \(argv[0]): error \(spawned)") }
        var status: Int32 = 0
        var waited = waitpid(pid, &status, 0)
        while waited == -1 && errno == EINTR { waited = waitpid(pid, &status, 0) }
        guard waited == pid else { throw TestServerError(description: "lost \(argv[0]) (waitpid: errno \(errno))") }
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        // WIFEXITED and WEXITSTATUS, which Swift cannot call as macros.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            throw TestServerError(description: "\(argv.joined(separator: " ")) failed (status \(status)): \(text)")
        }
        return text
    }
}
