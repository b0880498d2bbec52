import Foundation

/// One file of a batch: where it is on this machine, and the key (its path
/// relative to its root) that names its output and picks its shard.
public struct BatchInput: Sendable, Hashable {
    /// The path relative to the input's root, `/`-separated ("2023/a.pdf");
    /// the same on every machine that has the same tree.
    public var key: String
    /// The absolute path on this machine.
    public var path: String
    /// The file's size in bytes (0 when it cannot be read), for scheduling and ETA.
    public var bytes: Int64

    public init(key: String, path: String, bytes: Int64) {
        self.key = key
        self.path = path
        self.bytes = bytes
    }

    /// The key without a trailing `.pdf` (any case): what the output is named
    /// after, and what the shard hash is taken of, so that two inputs that
    /// would write the same output always land in the same shard.
    public var stem: String {
        let lower = key.lowercased()
        if lower.hasSuffix(".pdf") && key.count > 4 && !key.hasSuffix("/.pdf") {
            return String(key.dropLast(4))
        }
        return key
    }

    /// The output's path relative to the output directory, for a format
    /// whose files end in `fileExtension` ("json").
    public func outputPath(fileExtension: String) -> String {
        stem + "." + fileExtension
    }
}

/// A command-line input that cannot be used: a usage error (exit 2).
public struct InputError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Turns command-line inputs (files, directories, manifests) into batch
/// inputs, in a stable order, with keys that mirror the input trees.
public enum InputResolver {
    /// Resolves `arguments` (files or directories) and then every manifest's
    /// lines. The same file named twice is kept once (first occurrence).
    ///
    /// Keys follow `cp -r` for arguments: a file argument is keyed by its name
    /// (`x/a.pdf` → `a.pdf`), a directory argument by its own name and the path
    /// below it (`/data/2023` → `2023/b/c.pdf`). A manifest line is keyed by the
    /// path as written, relative to the manifest's directory (`2023/b/c.pdf`),
    /// or, for an absolute path or one that leaves that directory, by its
    /// absolute path without the leading `/`.
    public static func resolve(
        arguments: [String], manifests: [String] = [],
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(InputError) -> [BatchInput] {
        var inputs: [BatchInput] = []
        var seen: Set<String> = []
        func add(_ input: BatchInput) {
            if seen.insert(input.path).inserted { inputs.append(input) }
        }
        for argument in arguments {
            let path = absolute(argument, relativeTo: currentDirectory)
            switch kind(of: path) {
            case .missing:
                throw InputError("\(argument): no such file or directory")
            case .directory:
                let name = (path as NSString).lastPathComponent
                for input in walk(directory: path, keyPrefix: name == "/" ? "" : name) { add(input) }
            case .file:
                add(BatchInput(key: (path as NSString).lastPathComponent, path: path, bytes: size(of: path)))
            }
        }
        for manifest in manifests {
            let manifestPath = absolute(manifest, relativeTo: currentDirectory)
            guard let data = FileManager.default.contents(atPath: manifestPath), kind(of: manifestPath) == .file else {
                throw InputError("\(manifest): cannot read the manifest")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw InputError("\(manifest): the manifest is not UTF-8 text")
            }
            let base = (manifestPath as NSString).deletingLastPathComponent
            for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
                let line = rawLine.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                let path = absolute(line, relativeTo: base)
                let key = manifestKey(line, absolutePath: path)
                switch kind(of: path) {
                case .directory:
                    for input in walk(directory: path, keyPrefix: key) { add(input) }
                case .file, .missing:
                    // A missing file is an input that fails, not a usage error:
                    // a manifest of 10,000 paths must not stop on one.
                    add(BatchInput(key: key, path: path, bytes: size(of: path)))
                }
            }
        }
        return inputs
    }

    /// The key of a manifest line.
    static func manifestKey(_ line: String, absolutePath: String) -> String {
        if !line.hasPrefix("/"), let relative = lexicallyNormalised(line), !relative.isEmpty {
            return relative
        }
        return String(absolutePath.drop(while: { $0 == "/" }))
    }

    /// `a/./b//c` → `a/b/c`; nil when `..` climbs above the start.
    static func lexicallyNormalised(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// `path` made absolute against `base`, with `.` and `..` resolved.
    public static func absolute(_ path: String, relativeTo base: String) -> String {
        let joined = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    /// What a path names.
    enum Kind { case missing, file, directory }

    /// What is at `path`, following a symbolic link.
    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    static func size(of path: String) -> Int64 {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return Int64(info.st_size)
    }

    /// Every `*.pdf` (any case) below `directory`, names in byte order.
    /// Symbolic links to files are followed; links to directories are not
    /// (they could make a cycle).
    static func walk(directory: String, keyPrefix: String) -> [BatchInput] {
        var found: [BatchInput] = []
        var pending: [(path: String, key: String)] = [(directory, keyPrefix)]
        while let (path, key) = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            var files: [BatchInput] = []
            var directories: [(String, String)] = []
            for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let child = (path as NSString).appendingPathComponent(name)
                let childKey = key.isEmpty ? name : key + "/" + name
                var link = stat()
                guard lstat(child, &link) == 0 else { continue }
                let type = link.st_mode & S_IFMT
                if type == S_IFDIR {
                    directories.append((child, childKey))
                } else if name.lowercased().hasSuffix(".pdf") {
                    var target = stat()
                    if type == S_IFLNK && (stat(child, &target) != 0 || (target.st_mode & S_IFMT) != S_IFREG) { continue }
                    if type != S_IFLNK && type != S_IFREG { continue }
                    files.append(BatchInput(key: childKey, path: child, bytes: size(of: child)))
                }
            }
            found += files
            // Depth first, in name order: push in reverse.
            for entry in directories.reversed() { pending.append(entry) }
        }
        return found.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }
}
