import Foundation

/// One shard of a batch split N ways: shard K takes the inputs whose stable
/// hash modulo N is K (K counts from 0, as Kubernetes' completion index does).
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 0-based index, below `count`.
    public var index: Int
    /// How many shards the batch is split into.
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` (`0/4` … `3/4`).
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The report's file name: `_report.json` for an unsplit batch,
    /// `_report.shard-K-of-N.json` for a shard.
    public var reportName: String {
        count == 1 ? BatchReport.fileName : "_report.shard-\(index)-of-\(count).json"
    }

    /// Whether the input with this stem (see `BatchInput.stem`) is in this shard.
    public func contains(stem: String) -> Bool {
        count == 1 || Int(Shard.stableHash(stem) % UInt64(count)) == index
    }

    /// FNV-1a (64 bit) of the UTF-8 bytes: the same on every machine and in
    /// every process (Swift's `Hasher` is seeded per process, so it is not used).
    public static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The shard a scheduler gave this process, from its environment:
    /// Kubernetes Indexed Jobs (`JOB_COMPLETION_INDEX`, with the count in
    /// `GAZETTE_SHARDS`), or Slurm job arrays (`SLURM_ARRAY_TASK_ID` and
    /// `SLURM_ARRAY_TASK_COUNT`, counted from `SLURM_ARRAY_TASK_MIN` in steps of
    /// `SLURM_ARRAY_TASK_STEP`). nil when neither is set.
    public static func fromEnvironment(_ environment: [String: String]) throws(InputError) -> Shard? {
        func number(_ name: String) throws(InputError) -> Int? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw InputError("\(name)=\(text) is not a number")
            }
            return value
        }
        if let index = try number("JOB_COMPLETION_INDEX") {
            guard let count = try number("GAZETTE_SHARDS") else {
                throw InputError(
                    "JOB_COMPLETION_INDEX is set but GAZETTE_SHARDS is not: set it to the Job's completions (or pass --shard K/N)")
            }
            guard let shard = Shard(index: index, count: count) else {
                throw InputError("JOB_COMPLETION_INDEX=\(index) is not below GAZETTE_SHARDS=\(count)")
            }
            return shard
        }
        if let id = try number("SLURM_ARRAY_TASK_ID") {
            guard let count = try number("SLURM_ARRAY_TASK_COUNT") else {
                throw InputError("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not (pass --shard K/N)")
            }
            let minimum = try number("SLURM_ARRAY_TASK_MIN") ?? 0
            let step = max(try number("SLURM_ARRAY_TASK_STEP") ?? 1, 1)
            let offset = id - minimum
            guard offset >= 0, offset % step == 0, let shard = Shard(index: offset / step, count: count) else {
                throw InputError(
                    "SLURM_ARRAY_TASK_ID=\(id) does not fit an array of \(count) tasks from \(minimum) in steps of \(step)")
            }
            return shard
        }
        return nil
    }
}
