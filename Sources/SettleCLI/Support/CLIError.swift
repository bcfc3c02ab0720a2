/// A failure the user can act on, printed as `Error: …`; the command exits with status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
