import Foundation
import Gazette

/// What the report says of a worker that died on a file, and the log that
/// keeps what it printed (a backtrace, for a bug report):
/// `DIR/_crashes/<output stem>.log`.
enum CrashLog {
    /// The log's path relative to the output directory (`_crashes/2023/05/第12期.log`).
    static func relativePath(of item: BatchPlan.Item) -> String {
        "_crashes/" + item.input.stem + ".log"
    }

    /// The log's text: the input, how the worker ended, what it printed.
    static func text(of item: BatchPlan.Item, printed: String, status: Int32) -> String {
        "input: \(item.input.path)\nworker: \(WorkerProcess.describe(status: status))\n\n" + printed
    }

    /// Writes the log of `item` under `directory`; returns its relative
    /// path, or nil when the worker printed nothing or the log cannot be written.
    static func write(_ item: BatchPlan.Item, printed: String, status: Int32, in directory: String) -> String? {
        guard !printed.isEmpty else { return nil }
        let relative = relativePath(of: item)
        do {
            try AtomicFile.write(Array(text(of: item, printed: printed, status: status).utf8),
                                 to: URL(fileURLWithPath: directory + "/" + relative))
            return relative
        } catch {
            return nil
        }
    }

    /// The reason of a `crashed` entry: how the worker ended, its last
    /// words, a hint when SIGKILL came from outside, and where the log is.
    static func reason(status: Int32, lastWords: String, log: String?) -> String {
        var reason = "the worker \(WorkerProcess.describe(status: status)) while converting this file"
            + (lastWords.isEmpty ? "" : " (\(lastWords))")
        if status & 0x7f == SIGKILL {
            // Not us: the system's out-of-memory killer, most likely.
            reason += "; SIGKILL from outside the batch usually means the system ran out of memory"
        }
        if let log { reason += "; crash log: \(log)" }
        return reason
    }

    /// The error that stops a run whose workers cannot start.
    static func startFailure(status: Int32, lastWords: String) -> String {
        "the worker cannot start: it \(WorkerProcess.describe(status: status))"
            + (lastWords.isEmpty ? "" : ": \(lastWords)")
    }
}
