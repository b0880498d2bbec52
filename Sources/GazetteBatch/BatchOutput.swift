import Foundation
import Gazette

/// Where and how a batch writes one input's output in a format of the
/// registry (`OutputFormat`): a single-file format as `DIR/<key stem>.<ext>`,
/// a format of several files (CSV: one per record type) as the directory
/// `DIR/<key stem>.csv.d/` holding `<stem>.<type>.csv`, the names
/// `gazette extract -o DIR/` gives. A directory is written whole (a
/// temporary renamed into place), so a reader never sees half a set.
enum BatchOutput {
    /// The output's path suffix after the input's stem.
    static func suffix(of format: OutputFormat) -> String {
        format.isSingleFile ? format.fileExtension : format.fileExtension + ".d"
    }

    /// Writes the parts of one document to `path`.
    static func write(_ parts: [OutputPart], format: OutputFormat, stem: String, to path: String) throws(AtomicFile.WriteError) {
        let url = URL(fileURLWithPath: path)
        if format.isSingleFile, let part = parts.first, parts.count == 1 {
            try AtomicFile.write(part.bytes, to: url)
            return
        }
        let files = parts.map { (name: "\(stem).\($0.name ?? "part").\(format.fileExtension)", bytes: $0.bytes) }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.writeDirectory(files, to: url)
    }
}

extension FileManager {
    /// `createDirectory` with our typed write error.
    fileprivate func createDirectory(at url: URL, withIntermediateDirectories: Bool) throws(AtomicFile.WriteError) {
        do {
            try createDirectory(at: url, withIntermediateDirectories: withIntermediateDirectories, attributes: nil)
        } catch {
            throw AtomicFile.WriteError(path: url.path, reason: error.localizedDescription)
        }
    }
}
