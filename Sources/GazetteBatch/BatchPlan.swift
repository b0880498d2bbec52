import Foundation
import Gazette

/// The inputs one run (or shard) takes, each with its output path; two
/// inputs that would write the same output are failed before they start.
public struct BatchPlan: Sendable {
    /// One input of the plan.
    public struct Item: Sendable, Hashable {
        public var input: BatchInput
        /// The output's path relative to the output directory.
        public var output: String
        /// Set when the input fails before it starts: (code, reason).
        public var problemCode: EntryCode?
        public var problemReason: String?
    }

    /// This shard's inputs, in key order.
    public var items: [Item]
    /// How many inputs all shards have together.
    public var totalInputs: Int

    /// Plans `inputs` (in resolution order) for `shard`: outputs end in
    /// `fileExtension`. Of two inputs with the same output, the first keeps
    /// it and the other fails; both are always in the same shard, since the
    /// shard goes by the output's stem.
    public init(inputs: [BatchInput], shard: Shard, format: OutputFormat) {
        self.init(inputs: inputs, shard: shard, fileExtension: BatchOutput.suffix(of: format))
    }

    public init(inputs: [BatchInput], shard: Shard, fileExtension: String) {
        var owners: [String: String] = [:]
        var items: [Item] = []
        for input in inputs {
            let output = input.outputPath(fileExtension: fileExtension)
            var item = Item(input: input, output: output)
            if !output.contains("/") && output.hasPrefix("_report") {
                item.problemCode = .outputCollision
                item.problemReason = "its output \(output) would take the name of a batch report; rename the file"
            } else if let owner = owners[output] {
                item.problemCode = .outputCollision
                item.problemReason = "its output \(output) is already the output of \(owner); rename one of them"
            } else {
                owners[output] = input.key
            }
            if shard.contains(stem: input.stem) { items.append(item) }
        }
        self.items = items.sorted {
            $0.input.key != $1.input.key
                ? $0.input.key.utf8.lexicographicallyPrecedes($1.input.key.utf8)
                : $0.input.path.utf8.lexicographicallyPrecedes($1.input.path.utf8)
        }
        self.totalInputs = inputs.count
    }
}
