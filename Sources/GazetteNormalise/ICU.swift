import ICUShim

/// Thin Swift wrappers over the ICU shim (NFC normalisation).
enum ICU {
    /// True when ICU's quick check says `utf16` is certainly NFC.
    static func isNFC(_ utf16: [UInt16]) -> Bool {
        utf16.withUnsafeBufferPointer { buffer in
            gazette_icu_nfc_quick_check(buffer.baseAddress, Int32(buffer.count)) == 1
        }
    }

    /// The NFC form of `utf16`, or nil if ICU fails.
    static func nfc(_ utf16: [UInt16]) -> [UInt16]? {
        var capacity = utf16.count + utf16.count / 2 + 16
        for _ in 0..<2 {
            var out = [UInt16](repeating: 0, count: capacity)
            let length = utf16.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    gazette_icu_nfc(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count))
                }
            }
            if length < 0 { return nil }
            if Int(length) <= capacity {
                out.removeSubrange(Int(length)...)
                return out
            }
            capacity = Int(length)
        }
        return nil
    }
}

/// ICU's rule-based spell-out formatter (e.g. zh_Hant 五十一萬二千零五):
/// an oracle for testing the Chinese numeral grammar, not a parser.
public final class ICUSpellout {
    private let handle: OpaquePointer

    /// Opens a formatter for `locale` with an optional rule set such as
    /// "%spellout-cardinal-financial"; nil if ICU has no such locale or rule set.
    public init?(locale: String = "zh_Hant", ruleSet: String? = nil) {
        let opened: OpaquePointer? = locale.withCString { loc in
            if let ruleSet {
                return ruleSet.withCString { rs in gazette_icu_spellout_open(loc, rs) }
            }
            return gazette_icu_spellout_open(loc, nil)
        }
        guard let opened else { return nil }
        handle = opened
    }

    deinit { gazette_icu_spellout_close(handle) }

    /// The spelled-out form of `value`, or nil on an ICU error.
    public func format(_ value: Int64) -> String? {
        var buffer = [UInt16](repeating: 0, count: 64)
        var length = buffer.withUnsafeMutableBufferPointer {
            gazette_icu_spellout_format(handle, value, $0.baseAddress, Int32($0.count))
        }
        if length > 64 {
            buffer = [UInt16](repeating: 0, count: Int(length))
            length = buffer.withUnsafeMutableBufferPointer {
                gazette_icu_spellout_format(handle, value, $0.baseAddress, Int32($0.count))
            }
        }
        guard length >= 0, Int(length) <= buffer.count else { return nil }
        return String(decoding: buffer[..<Int(length)], as: UTF16.self)
    }
}
