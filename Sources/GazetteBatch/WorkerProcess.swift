import Foundation

/// One worker process, seen from the coordinator: its pipes, its current
/// job, and the tail of what it printed on standard error.
final class WorkerProcess {
    let pid: pid_t
    /// Write end of the worker's standard input (-1 once closed).
    private(set) var input: Int32
    /// Read ends of its standard output (replies) and standard error.
    private(set) var replies: Int32
    private(set) var errors: Int32
    private var replyBuffer: [UInt8] = []
    /// What the worker printed on standard error since its current job was
    /// sent: the first and the last `errorLimit` bytes.
    private var errorHead: [UInt8] = []
    private var errorTail: [UInt8] = []
    private var errorsDropped = false
    /// The job in hand: the entry's index, the job and when it was sent.
    var job: (index: Int, job: WorkerJob, started: Double)?
    var jobsDone = 0
    /// Set when the worker said hello: it started, so a death is its file's fault.
    var ready = false
    var lastMemoryCheck = 0.0

    static let errorLimit = 32 * 1024

    /// Why a worker could not be started.
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    private init(pid: pid_t, input: Int32, replies: Int32, errors: Int32) {
        self.pid = pid
        self.input = input
        self.replies = replies
        self.errors = errors
    }

    /// Starts `command` (executable path first) with pipes on its standard
    /// streams, in a process group of its own (so a terminal's Ctrl-C reaches
    /// only the coordinator, which stops the workers itself).
    static func spawn(_ command: [String], environment: [String: String]) throws(SpawnError) -> WorkerProcess {
        guard let executable = command.first else { throw SpawnError(description: "no worker command") }
        var stdinPipe: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        guard makePipe(&stdinPipe) == 0 else { throw SpawnError(description: "pipe: \(errorText())") }
        guard makePipe(&stdoutPipe) == 0 else {
            closeAll(stdinPipe)
            throw SpawnError(description: "pipe: \(errorText())")
        }
        guard makePipe(&stderrPipe) == 0 else {
            closeAll(stdinPipe + stdoutPipe)
            throw SpawnError(description: "pipe: \(errorText())")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], STDERR_FILENO)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        let arguments: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        let variables: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for variable in variables { free(variable) } }

        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, arguments, variables)
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard status == 0 else {
            closeAll([stdinPipe[1], stdoutPipe[0], stderrPipe[0]])
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        for fd in [stdoutPipe[0], stderrPipe[0]] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        return WorkerProcess(pid: pid, input: stdinPipe[1], replies: stdoutPipe[0], errors: stderrPipe[0])
    }

    /// Sends one job line; false when the worker is gone.
    func send(_ line: [UInt8]) -> Bool {
        guard input >= 0 else { return false }
        return BatchWorker.writeAll(input, line)
    }

    /// False once the worker was told to finish (its input is closed).
    var accepting: Bool { input >= 0 }

    /// Closes the worker's standard input: it exits when it has read everything.
    func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }

    /// What a read from a pipe found.
    enum ReadResult { case data, wouldBlock, endOfFile }

    /// Reads what is waiting on the reply pipe; complete lines go to `lines`.
    func readReplies(into lines: inout [[UInt8]]) -> ReadResult {
        let result = drain(replies) { replyBuffer += $0 }
        while let newline = replyBuffer.firstIndex(of: 0x0A) {
            lines.append(Array(replyBuffer[..<newline]))
            replyBuffer.removeSubrange(...newline)
        }
        return result
    }

    /// Reads what is waiting on the error pipe, keeping its head and tail.
    func readErrors() -> ReadResult {
        drain(errors) { chunk in
            var chunk = chunk[...]
            if errorHead.count < Self.errorLimit {
                let room = Self.errorLimit - errorHead.count
                errorHead += chunk.prefix(room)
                chunk = chunk.dropFirst(room)
            }
            guard !chunk.isEmpty else { return }
            errorTail += chunk
            if errorTail.count > Self.errorLimit {
                errorTail.removeFirst(errorTail.count - Self.errorLimit)
                errorsDropped = true
            }
        }
    }

    /// Forgets what the worker printed so far (a new job starts).
    func clearErrors() {
        _ = readErrors()
        errorHead.removeAll()
        errorTail.removeAll()
        errorsDropped = false
    }

    /// What the worker printed on standard error during its current job.
    func jobErrors() -> String {
        _ = readErrors()
        var text = String(decoding: errorHead, as: UTF8.self)
        if errorsDropped { text += "\n[…]\n" }
        text += String(decoding: errorTail, as: UTF8.self)
        return text
    }

    private func drain(_ fd: Int32, _ take: ([UInt8]) -> Void) -> ReadResult {
        guard fd >= 0 else { return .endOfFile }
        var buffer = [UInt8](repeating: 0, count: 65536)
        var got = false
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n > 0 {
                take(Array(buffer[0..<n]))
                got = true
                continue
            }
            if n == 0 { return .endOfFile }
            if errno == EINTR { continue }
            return got ? .data : (errno == EAGAIN || errno == EWOULDBLOCK ? .wouldBlock : .endOfFile)
        }
    }

    /// The line of a crash report that says what happened ("Fatal error: …",
    /// "*** Program crashed: …"), else the last lines printed.
    static func lastWords(in text: String, limit: Int = 300) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let markers = ["Fatal error", "*** Program crashed", "terminate called", "Assertion", "Illegal instruction",
                       "Segmentation fault", "Aborted"]
        if let line = lines.first(where: { line in markers.contains { line.contains($0) } }) {
            return String(line.trimmingCharacters(in: CharacterSet(charactersIn: "* ")).prefix(limit))
        }
        return lines.suffix(2).joined(separator: " | ").suffix(limit).description
    }

    /// Resident memory in bytes, from /proc (nil when it cannot be read).
    func residentBytes() -> Int64? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count >= 2, let pages = Int64(fields[1]) else { return nil }
        return pages * Int64(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Kills the worker (SIGKILL) and waits for it.
    func kill() {
        _ = Glibc.kill(pid, SIGKILL)
        _ = waitForExit(patience: 5)
        closeAll()
    }

    /// Waits for the worker to end (killing it after `patience` seconds) and
    /// returns its wait status.
    func waitForExit(patience: Double) -> Int32 {
        var status: Int32 = 0
        let deadline = monotonicSeconds() + patience
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { return 0 }
            if monotonicSeconds() > deadline {
                _ = Glibc.kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            usleep(2_000)
        }
        return status
    }

    /// Closes every pipe.
    func closeAll() {
        closeInput()
        if replies >= 0 { close(replies) }
        if errors >= 0 { close(errors) }
        replies = -1
        errors = -1
    }

    /// A wait status in words: "was killed by SIGSEGV", "exited with status 3".
    static func describe(status: Int32) -> String {
        let signal = status & 0x7f
        if signal != 0 && signal != 0x7f {
            return "was killed by \(signalName(signal))"
        }
        return "exited with status \((status >> 8) & 0xff)"
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGABRT: "SIGABRT", SIGILL: "SIGILL", SIGFPE: "SIGFPE",
            SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGINT: "SIGINT", SIGTRAP: "SIGTRAP", SIGPIPE: "SIGPIPE",
            SIGXCPU: "SIGXCPU", SIGHUP: "SIGHUP",
        ]
        return names[signal] ?? "signal \(signal)"
    }

    /// A pipe whose ends are closed in children (the coordinator spawns from
    /// one thread, so setting the flag after pipe() races with no other spawn).
    private static func makePipe(_ fds: inout [Int32]) -> Int32 {
        guard pipe(&fds) == 0 else { return -1 }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return 0
    }

    private static func closeAll(_ fds: [Int32]) {
        for fd in fds where fd >= 0 { close(fd) }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
