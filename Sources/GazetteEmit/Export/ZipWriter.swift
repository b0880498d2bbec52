/// Writes a ZIP archive with STORED (uncompressed) entries, each with its
/// CRC-32: what an .xlsx needs, without a compression library. Entry times
/// are fixed (1980-01-01) so that the same input gives the same bytes.
struct ZipWriter {
    private var data: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    /// Adds a file (path inside the archive, UTF-8).
    mutating func add(_ path: String, _ content: [UInt8]) {
        let name = Array(path.utf8)
        let crc = CRC32.checksum(content)
        let offset = UInt32(data.count)
        // Local file header.
        append32(&data, 0x0403_4B50)
        append16(&data, 20)  // version needed: 2.0
        append16(&data, 0x0800)  // flags: UTF-8 names
        append16(&data, 0)  // method: stored
        append16(&data, 0)  // time 00:00
        append16(&data, 0x21)  // date 1980-01-01
        append32(&data, crc)
        append32(&data, UInt32(content.count))
        append32(&data, UInt32(content.count))
        append16(&data, UInt16(name.count))
        append16(&data, 0)
        data += name
        data += content
        // Central directory entry.
        append32(&central, 0x0201_4B50)
        append16(&central, 20)  // version made by
        append16(&central, 20)
        append16(&central, 0x0800)
        append16(&central, 0)
        append16(&central, 0)
        append16(&central, 0x21)
        append32(&central, crc)
        append32(&central, UInt32(content.count))
        append32(&central, UInt32(content.count))
        append16(&central, UInt16(name.count))
        append16(&central, 0)  // extra
        append16(&central, 0)  // comment
        append16(&central, 0)  // disk
        append16(&central, 0)  // internal attributes
        append32(&central, 0)  // external attributes
        append32(&central, offset)
        central += name
        count += 1
    }

    /// The archive's bytes.
    func finish() -> [UInt8] {
        var out = data
        let directoryOffset = UInt32(out.count)
        out += central
        append32(&out, 0x0605_4B50)
        append16(&out, 0)
        append16(&out, 0)
        append16(&out, UInt16(count))
        append16(&out, UInt16(count))
        append32(&out, UInt32(central.count))
        append32(&out, directoryOffset)
        append16(&out, 0)
        return out
    }

    private func append16(_ out: inout [UInt8], _ v: UInt16) {
        out.append(UInt8(v & 0xFF))
        out.append(UInt8(v >> 8))
    }

    private func append32(_ out: inout [UInt8], _ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((v >> UInt32(shift)) & 0xFF)) }
    }
}

/// CRC-32 (IEEE 802.3, as ZIP uses it).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
