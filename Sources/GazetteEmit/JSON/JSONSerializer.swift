// Deterministic JSON output.

/// How `JSONValue` is written: compact or pretty, members in stored order or sorted by key.
/// Output is UTF-8; only `"`, `\` and control characters are escaped (never `/` or non-ASCII).
public struct JSONFormat: Sendable, Hashable {
    /// Pretty output: one member or element per line, indented, `"key": value`.
    public var pretty: Bool
    /// Spaces per indentation level when pretty.
    public var indentWidth: Int
    /// Write object members sorted by key (UTF-8 byte order) instead of their stored order.
    public var sortedKeys: Bool

    public init(pretty: Bool = false, indentWidth: Int = 2, sortedKeys: Bool = false) {
        self.pretty = pretty
        self.indentWidth = indentWidth
        self.sortedKeys = sortedKeys
    }

    /// No whitespace at all.
    public static let compact = JSONFormat()
    /// Two-space indentation, no trailing newline.
    public static let pretty = JSONFormat(pretty: true)
}

enum JSONSerializer {
    static func bytes(of value: JSONValue, format: JSONFormat) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(256)
        write(value, format: format, depth: 0, to: &out)
        return out
    }

    static func write(_ value: JSONValue, format: JSONFormat, depth: Int, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(true): out.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        case .bool(false): out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .number(let number): number.write(to: &out)
        case .string(let string): writeString(string, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            if elements.isEmpty { out.append(UInt8(ascii: "]")); return }
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if format.pretty { newline(depth + 1, format, &out) }
                write(element, format: format, depth: depth + 1, to: &out)
            }
            if format.pretty { newline(depth, format, &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            if object.isEmpty { out.append(UInt8(ascii: "}")); return }
            let members = format.sortedKeys ? object.sortedByKey().members : object.members
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if format.pretty { newline(depth + 1, format, &out) }
                writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                if format.pretty { out.append(UInt8(ascii: " ")) }
                write(member.value, format: format, depth: depth + 1, to: &out)
            }
            if format.pretty { newline(depth, format, &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func newline(_ depth: Int, _ format: JSONFormat, _ out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * format.indentWidth))
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var utf8 = string.utf8
        let fastDone: Bool? = utf8.withContiguousStorageIfAvailable { buffer in
            var runStart = 0
            for i in 0..<buffer.count {
                let byte = buffer[i]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<i]))
                    appendEscape(byte, to: &out)
                    runStart = i + 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<buffer.count]))
            return true
        }
        if fastDone == nil {
            var copy = string
            copy.makeContiguousUTF8()
            utf8 = copy.utf8
            for byte in utf8 {
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { appendEscape(byte, to: &out) } else { out.append(byte) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
            out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
        }
    }
}
