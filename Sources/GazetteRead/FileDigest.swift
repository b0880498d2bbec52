import CGLib
import Foundation

/// Content hashes of input files (GLib's SHA-256, which poppler-glib brings).
public enum FileDigest {
    /// SHA-256 of the file's bytes as lowercase hex, read in 1 MiB chunks.
    public static func sha256(path: String) throws(ReadError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileManager.default.fileExists(atPath: path)
                ? .unreadable(path: path, reason: "cannot open for reading") : .fileNotFound(path: path)
        }
        defer { try? handle.close() }
        guard let checksum = g_checksum_new(G_CHECKSUM_SHA256) else {
            throw .unreadable(path: path, reason: "SHA-256 unavailable")
        }
        defer { g_checksum_free(checksum) }
        while true {
            let chunk: Data
            do {
                guard let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else { break }
                chunk = data
            } catch {
                throw .unreadable(path: path, reason: error.localizedDescription)
            }
            chunk.withUnsafeBytes { buffer in
                g_checksum_update(checksum, buffer.bindMemory(to: UInt8.self).baseAddress, gssize(buffer.count))
            }
        }
        return String(cString: g_checksum_get_string(checksum))
    }

    /// SHA-256 of bytes in memory, lowercase hex.
    public static func sha256(_ data: Data) -> String {
        guard let checksum = g_checksum_new(G_CHECKSUM_SHA256) else { return "" }
        defer { g_checksum_free(checksum) }
        data.withUnsafeBytes { buffer in
            g_checksum_update(checksum, buffer.bindMemory(to: UInt8.self).baseAddress, gssize(buffer.count))
        }
        return String(cString: g_checksum_get_string(checksum))
    }
}
