import ArgumentParser
import Foundation
import Gazette

/// The `gazette` command: official Taiwanese government PDFs in, typed and
/// validated JSON out.
@main
struct GazetteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Turn official Taiwanese government PDFs into typed, validated JSON.",
        version: GazetteVersion.current,
        subcommands: [Extract.self, Validate.self, Schema.self, Parse.self, Inspect.self, Batch.self, Report.self, MergeDocuments.self,
                      BatchWorkerCommand.self])

    /// Runs the command; usage errors exit 2, failures 1 (ArgumentParser's
    /// own usage code 64 is mapped to 2, as scripts expect).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// A failure the CLI reports as `gazette: <message>` with exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("gazette: " + message + "\n").utf8))
}
