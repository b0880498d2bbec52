import Foundation
import Gazette

/// The limits a worker's current file must keep (`--timeout`,
/// `--max-memory`), and the failure a file gets when its worker breaks one.
/// Memory is read from /proc, so it is checked at most ten times a second.
struct WorkerLimits: Sendable, Hashable {
    /// Seconds one file may take (nil: no limit).
    var timeout: Double?
    /// Resident bytes a worker may hold (nil: no limit).
    var maxMemory: Int64?

    /// Seconds between two readings of a worker's resident memory.
    static let memoryCheckInterval = 0.1

    /// A broken limit: the failure code and reason of the file in hand.
    struct Breach: Sendable, Hashable {
        var code: EntryCode
        var reason: String
    }

    /// `timedOut` once a file has taken longer than the timeout.
    func timeBreach(elapsed: Double) -> Breach? {
        guard let timeout, elapsed > timeout else { return nil }
        return Breach(code: .timedOut,
                      reason: "took longer than \(Self.seconds(timeout)) (--timeout); the worker was killed")
    }

    /// Whether a worker's memory is to be read again, `sinceLastCheck`
    /// seconds after the last reading.
    func memoryCheckDue(sinceLastCheck: Double) -> Bool {
        maxMemory != nil && sinceLastCheck >= Self.memoryCheckInterval
    }

    /// `memoryLimit` when `resident` bytes are over the limit (nil: not read).
    func memoryBreach(resident: Int64?) -> Breach? {
        guard let limit = maxMemory, let resident, resident > limit else { return nil }
        return Breach(code: .memoryLimit,
                      reason: "used \(ByteSize.describe(resident)) of memory, over --max-memory \(ByteSize.describe(limit)); the worker was killed")
    }

    /// The limit `worker`'s current file breaks at `now`, if any: the time
    /// first, then the memory when a reading is due (which it takes).
    func breach(of worker: WorkerProcess, now: Double) -> Breach? {
        guard let started = worker.job?.started else { return nil }
        if let breach = timeBreach(elapsed: now - started) { return breach }
        guard memoryCheckDue(sinceLastCheck: now - worker.lastMemoryCheck) else { return nil }
        worker.lastMemoryCheck = now
        return memoryBreach(resident: worker.residentBytes())
    }

    /// 300 → "300 s", 2.5 → "2.5 s".
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
