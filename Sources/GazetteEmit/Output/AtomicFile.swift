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
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
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

    /// Writes `files` (name → bytes) as the directory `url`, replacing it
    /// whole: the files go into a temporary directory beside it, which is
    /// renamed into place, so a reader sees the old set or the new one,
    /// never a mix (a crash leaves only a temporary, which
    /// `sweepTemporaries` removes).
    public static func writeDirectory(_ files: [(name: String, bytes: [UInt8])], to url: URL) throws(WriteError) {
        let parent = url.deletingLastPathComponent()
        let tag = "\(temporaryPrefix)\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = parent.appendingPathComponent("\(tag)-\(url.lastPathComponent)")
        let old = parent.appendingPathComponent("\(tag)-old-\(url.lastPathComponent)")
        do {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: url.path, reason: error.localizedDescription)
        }
        do throws(WriteError) {
            for file in files {
                try write(file.bytes, to: temporary.appendingPathComponent(file.name))
            }
        } catch {
            remove(temporary.path)
            throw WriteError(path: url.path, reason: error.reason)
        }
        // rename(2) cannot replace a non-empty directory: move the old one
        // aside first, then remove it.
        var hadOld = false
        if FileManager.default.fileExists(atPath: url.path) {
            guard rename(url.path, old.path) == 0 else {
                let reason = String(cString: strerror(errno))
                remove(temporary.path)
                throw WriteError(path: url.path, reason: reason)
            }
            hadOld = true
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(old.path, url.path) }
            remove(temporary.path)
            throw WriteError(path: url.path, reason: reason)
        }
        if hadOld { remove(old.path) }
    }

    /// Files written in place of temporaries and put in place together at
    /// the end: a writer asks for the temporary of each target as it goes
    /// (`temporary(for:)`), writes it however it likes (a ZIP archive, a
    /// database, a stream of lines), and then either `commit`s (each file
    /// flushed to disk and renamed over its target) or `discard`s them all.
    /// A failure before `commit` leaves no target touched; a crash leaves
    /// only temporaries, which `sweepTemporaries` removes.
    public final class PendingFiles {
        private var pending: [(target: URL, temporary: URL)] = []
        private let tag = "\(AtomicFile.temporaryPrefix)\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"

        public init() {}

        deinit { discard() }

        /// The temporary to write in place of `target` (beside it, its
        /// directory created), the same one each time for one target.
        public func temporary(for target: URL) throws(WriteError) -> URL {
            if let known = pending.first(where: { $0.target == target }) { return known.temporary }
            let directory = target.deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw WriteError(path: target.path, reason: error.localizedDescription)
            }
            let temporary = directory.appendingPathComponent("\(tag)-\(target.lastPathComponent)")
            pending.append((target, temporary))
            return temporary
        }

        /// A scratch directory beside `target` (for parts of it written
        /// before it is put together), removed at `commit` or `discard`.
        public func scratchDirectory(beside target: URL) throws(WriteError) -> URL {
            let url = target.deletingLastPathComponent().appendingPathComponent("\(tag)-\(target.lastPathComponent).parts")
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw WriteError(path: url.path, reason: error.localizedDescription)
            }
            scratch.append(url)
            return url
        }
        private var scratch: [URL] = []

        /// Flushes every temporary to disk and renames it over its target.
        public func commit() throws(WriteError) {
            for url in scratch { AtomicFile.remove(url.path) }
            scratch = []
            for (target, temporary) in pending {
                let fd = open(temporary.path, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { throw WriteError(path: target.path, reason: String(cString: strerror(errno))) }
                let synced = fsync(fd) == 0
                let reason = synced ? nil : String(cString: strerror(errno))
                close(fd)
                if let reason { throw WriteError(path: target.path, reason: reason) }
            }
            for (target, temporary) in pending where rename(temporary.path, target.path) != 0 {
                throw WriteError(path: target.path, reason: String(cString: strerror(errno)))
            }
            pending = []
        }

        /// Removes every temporary; no target is touched.
        public func discard() {
            for entry in pending { AtomicFile.remove(entry.temporary.path) }
            for url in scratch { AtomicFile.remove(url.path) }
            pending = []
            scratch = []
        }
    }

    /// Removes a file or a whole directory; true when something was removed.
    @discardableResult
    public static func remove(_ path: String) -> Bool {
        if unlink(path) == 0 { return true }
        return (try? FileManager.default.removeItem(atPath: path)) != nil
    }

    /// Removes temporary files left in `directory` (recursively) by runs that
    /// were killed mid-write. Returns how many were removed.
    @discardableResult
    public static func sweepTemporaries(in directory: URL) -> Int {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return 0 }
        var removed = 0
        for case let url as URL in walker where url.lastPathComponent.hasPrefix(temporaryPrefix) {
            walker.skipDescendants()  // a temporary directory goes whole
            if (try? FileManager.default.removeItem(at: url)) != nil { removed += 1 }
        }
        return removed
    }
}
