import Foundation

/// The last signal asked to stop the run (0: none); set from signal handlers.
/// Signal dispositions are per process: run one `BatchRunner` at a time.
nonisolated(unsafe) private var stopSignal: Int32 = 0

/// SIGINT, SIGTERM and SIGHUP ask the run to stop (it stops its workers and
/// writes its report); SIGPIPE is ignored (a worker that is gone fails its
/// write instead). `restore()` puts back the handlers found.
struct StopSignals {
    /// The signals that stop a run.
    static let stopping = [SIGINT, SIGTERM, SIGHUP]

    private let previous: [Int32: sighandler_t?]

    /// The signal that asked to stop since `install()` (0: none).
    var caught: Int32 { stopSignal }

    /// Installs the handlers and unblocks the stopping signals (a parent
    /// may have left them blocked: the mask is inherited).
    static func install() -> StopSignals {
        stopSignal = 0
        var previous: [Int32: sighandler_t?] = [:]
        for signal in stopping {
            previous[signal] = Glibc.signal(signal) { stopSignal = $0 }
        }
        previous[SIGPIPE] = Glibc.signal(SIGPIPE, SIG_IGN)
        var mask = sigset_t()
        sigemptyset(&mask)
        for signal in stopping { sigaddset(&mask, signal) }
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        return StopSignals(previous: previous)
    }

    /// Puts back the handlers that were there before `install()`.
    func restore() {
        for (signal, handler) in previous { _ = Glibc.signal(signal, handler ?? SIG_DFL) }
    }
}
