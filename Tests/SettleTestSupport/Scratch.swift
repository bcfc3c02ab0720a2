import Foundation

/// Where tests put their files: one directory per test process under the system's temporary
/// directory, removed with everything in it when the process exits. Tests no longer clean up
/// one by one (and so no longer forget to): a ledger, a certificate or a serve data directory
/// lives as long as any test may still use it, then goes with the rest.
public enum Scratch {
    /// The process's directory, made on first use.
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tsys-settle-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { Scratch.removeRoot() }
        return root
    }()

    /// A fresh path under the root for a file or directory; nothing is created there.
    public static func url(_ label: String, suffix: String = "") -> URL {
        root.appendingPathComponent("\(label)-\(UUID().uuidString)\(suffix)")
    }

    /// A fresh, empty directory under the root.
    public static func directory(_ label: String) throws -> URL {
        let directory = url(label)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private static func removeRoot() {
        try? FileManager.default.removeItem(
            atPath: FileManager.default.temporaryDirectory.appendingPathComponent("tsys-settle-tests-\(getpid())").path)
    }
}
