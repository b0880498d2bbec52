import Foundation

/// A child process run to completion, with its wall time and peak RSS
/// (from wait4's rusage, so the figure is that process's alone).
struct Child {
    var status: Int32
    var seconds: Double
    /// Peak resident set size in bytes.
    var peakRSS: Int
    var stdout: Data
    var stderr: String

    /// Runs this benchmark binary again with `arguments`.
    static func run(arguments: [String]) throws -> Child {
        try run(executable: CommandLine.arguments[0].hasPrefix("/") ? CommandLine.arguments[0]
                    : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0],
                arguments: arguments)
    }

    static func run(executable: String, arguments: [String]) throws -> Child {
        let dir = FileManager.default.temporaryDirectory
        let outURL = dir.appendingPathComponent("gazette-bench-\(UUID().uuidString).out")
        let errURL = dir.appendingPathComponent("gazette-bench-\(UUID().uuidString).err")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard rc == 0 else { throw BenchError("cannot run \(executable): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Child(status: exit, seconds: seconds, peakRSS: Int(usage.ru_maxrss) * 1024,
                     stdout: (try? Data(contentsOf: outURL)) ?? Data(),
                     stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }
}

/// A benchmark that cannot go on.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The peer a user would pick instead: pdfplumber's `extract_tables`.
enum Peers {
    static let script = """
    import sys, pdfplumber
    with pdfplumber.open(sys.argv[1]) as pdf:
        n = 0
        for page in pdf.pages:
            n += len(page.extract_tables())
            page.flush_cache()
    print(n)
    """

    static func hasPDFPlumber() -> Bool {
        (try? Child.run(executable: "/usr/bin/env", arguments: ["python3", "-c", "import pdfplumber"]))?.status == 0
    }

    static func pdfplumberSeconds(_ file: String) throws -> Double? {
        let r = try Child.run(executable: "/usr/bin/env", arguments: ["python3", "-c", script, file])
        return r.status == 0 ? r.seconds : nil
    }
}
