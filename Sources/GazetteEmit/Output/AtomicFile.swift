import Foundation

/// Writes files so that readers only ever see a complete file: the bytes go
/// to a temporary file beside the target, are flushed to disk, and the
/// temporary file is renamed over the target. A crash at any moment leaves
/// either the old file or the new one, plus at most a temporary file whose
/// name starts with `AtomicFile.temporaryPrefix`.
public enum AtomicFile {
    /// Prefix of the temporary files; `sweepTemporaries` removes stale ones.
    public static let temporaryPrefix = ".gazette-tmp-"

    /// Why a file could not be written.
    public struct WriteError: LocalizedError, Sendable {
        public var path: String
        public var reason: String
        public var errorDescription: String? { "\(path): cannot write: \(reason)" }
    }

    /// Writes `bytes` to `url` atomically, creating missing parent directories.
    public static func write(_ bytes: some Collection<UInt8>, to url: URL) throws(WriteError) {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: url.path, reason: error.localizedDescription)
        }
        let temporary = directory.appendingPathComponent(
            "\(temporaryPrefix)\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))-\(url.lastPathComponent)")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
        var failure: String?
        let buffer = Array(bytes)
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil && rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw WriteError(path: url.path, reason: failure)
        }
    }

    /// Removes temporary files left in `directory` (recursively) by runs that
    /// were killed mid-write. Returns how many were removed.
    @discardableResult
    public static func sweepTemporaries(in directory: URL) -> Int {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return 0 }
        var removed = 0
        for case let url as URL in walker where url.lastPathComponent.hasPrefix(temporaryPrefix) {
            if (try? FileManager.default.removeItem(at: url)) != nil { removed += 1 }
        }
        return removed
    }
}
