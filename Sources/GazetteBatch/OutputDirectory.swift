import Foundation
import Gazette

/// The batch's output directory as one shard sees it: created, locked
/// against a second run of the same shard, and kept free of temporary files
/// (`.gazette-tmp-<pid>-<random>-<target name>`) left by killed runs and
/// killed workers. An unsplit run owns the whole directory; a shard only
/// its own outputs and report, since other shards may be writing beside it.
struct OutputDirectory {
    /// Absolute path.
    var path: String
    var shard: Shard

    /// Where the shard's report goes.
    var reportPath: String { (path as NSString).appendingPathComponent(shard.reportName) }

    /// The absolute path of an output (relative to the directory).
    func absolute(_ output: String) -> String { (path as NSString).appendingPathComponent(output) }

    /// Creates the directory (and its parents) when missing.
    func create() throws(BatchRunError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw BatchRunError(description: "\(path): cannot create the output directory: \(error.localizedDescription)")
        }
    }

    /// A held lock of one shard on the directory (`.gazette-lock-…`).
    struct Lock {
        /// The lock file's descriptor (-1: the file system gave none).
        let descriptor: Int32
        func release() { close(descriptor) }
    }

    /// Two runs of the same shard on one directory would overwrite each
    /// other's report: the second is refused.
    func lockShard() throws(BatchRunError) -> Lock {
        let lockPath = absolute(".gazette-lock-" + shard.reportName.replacingOccurrences(of: ".json", with: ""))
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { return Lock(descriptor: -1) }  // a read-only or odd file system: go on without the lock
        if flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK {
            close(fd)
            throw BatchRunError(description: "another gazette batch is already writing \(reportPath)")
        }
        return Lock(descriptor: fd)
    }

    /// The name of the file a temporary was to become, or nil when `name`
    /// is no temporary: `.gazette-tmp-812-30071-a.json` → `a.json`.
    static func target(ofTemporary name: String) -> String? {
        guard name.hasPrefix(AtomicFile.temporaryPrefix) else { return nil }
        let parts = name.dropFirst(AtomicFile.temporaryPrefix.count).split(
            separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count == 3 ? String(parts[2]) : nil
    }

    /// Removes the temporaries of killed runs; a shard removes only those
    /// of `outputs` (relative paths) and of its report. Returns how many.
    func sweepTemporaries(outputs: [String]) -> Int {
        if shard.count == 1 { return AtomicFile.sweepTemporaries(in: URL(fileURLWithPath: path)) }
        var targets: [String: Set<String>] = [:]
        for output in outputs {
            let full = absolute(output)
            targets[(full as NSString).deletingLastPathComponent, default: []].insert((full as NSString).lastPathComponent)
        }
        targets[path, default: []].insert(shard.reportName)
        var removed = 0
        for (directory, names) in targets {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for entry in entries {
                guard let target = Self.target(ofTemporary: entry), names.contains(target) else { continue }
                if AtomicFile.remove((directory as NSString).appendingPathComponent(entry)) { removed += 1 }
            }
        }
        return removed
    }

    /// Removes the temporary a killed worker (`pid`) may have left beside `output` (absolute).
    static func removeTemporaries(ofWorker pid: pid_t, beside output: String) {
        let directory = (output as NSString).deletingLastPathComponent
        let prefix = AtomicFile.temporaryPrefix + "\(pid)-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            AtomicFile.remove((directory as NSString).appendingPathComponent(name))
        }
    }

    /// A failed input leaves no output (absolute path): one from an earlier
    /// run was made from other bytes or by another version, and would be
    /// taken for this run's.
    static func removeStaleOutput(_ output: String) {
        AtomicFile.remove(output)
    }
}
