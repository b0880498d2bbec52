import ArgumentParser
import GazetteBatch

/// `gazette batch-worker` (hidden): the worker process of `gazette batch`.
/// Reads one job a line on standard input, answers one line each on standard output.
struct BatchWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch-worker",
        abstract: "The worker process of `gazette batch` (not for direct use).",
        shouldDisplay: false)

    func run() throws {
        let status = BatchWorker.run()
        if status != 0 { throw ExitCode(status) }
    }
}
