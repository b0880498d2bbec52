import Foundation

/// Bytes written in order and read back once, by position: a worksheet's
/// rows while the workbook is written. Kept in memory; with a directory,
/// spilled to a file there whenever a mebibyte has gathered, so that a
/// merge of any number of documents holds at most that much per sheet.
final class Spool {
    /// Where the file goes (nil: memory only).
    let directory: URL?
    private var buffer: [UInt8] = []
    private var handle: FileHandle?
    private var url: URL?
    /// Bytes written in all.
    private(set) var count = 0

    static let spillSize = 1 << 20

    init(directory: URL?) {
        self.directory = directory
        buffer.reserveCapacity(directory == nil ? 4096 : Self.spillSize + 65536)
    }

    deinit {
        try? handle?.close()
        if let url { try? FileManager.default.removeItem(at: url) }
    }

    func append(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        count += text.utf8.count
        if directory != nil && buffer.count >= Self.spillSize { try spill() }
    }

    /// Moves what is buffered to the file.
    private func spill() throws {
        guard let directory, !buffer.isEmpty else { return }
        if handle == nil {
            let file = directory.appendingPathComponent("spool-\(UUID().uuidString)")
            guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
                throw AtomicFile.WriteError(path: file.path, reason: "cannot create a temporary file")
            }
            url = file
            handle = try FileHandle(forUpdating: file)
        }
        try handle!.seekToEnd()
        try handle!.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// `size` bytes from `position` (all written bytes are readable).
    func read(at position: Int, size: Int) throws -> Data {
        guard let handle else {
            return Data(buffer[position..<min(position + size, buffer.count)])
        }
        if !buffer.isEmpty { try spill() }
        try handle.seek(toOffset: UInt64(position))
        return try handle.read(upToCount: size) ?? Data()
    }
}
