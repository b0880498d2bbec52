import Foundation
import GazetteRead

extension PageLayout {
    /// A text dump of the layout, one line per item with boxes rounded to
    /// whole points, for tests that compare layouts as text and for people:
    ///
    ///     page 3 595x842 horizontal pageNumber=1
    ///     region 0 [56,300 540,700]
    ///     header [250,40 345,55] "監察院主管"
    ///     block heading [56,80 160,94] 14 bold marker=壹
    ///       line r3 [56,80 160,94] 14 bold "壹、監察院部分"
    ///     footer ...
    ///     watermark -45° [100,300 500,600] "草稿"
    public var dump: String {
        var out = "page \(number) \(Int(width.rounded()))x\(Int(height.rounded())) \(direction.rawValue)"
        if let pageNumber { out += " pageNumber=\(pageNumber.label)" }
        out += "\n"
        for (k, r) in regions.enumerated() { out += "region \(k) \(r.rounded)\n" }
        for f in furniture where f.kind != .footer {
            out += "\(f.kind.rawValue) \(f.box.rounded) \(quoted(f.text))\n"
        }
        for b in blocks {
            out += "block \(b.kind.rawValue) \(b.box.rounded) \(format(b.fontSize))"
            if b.isBold { out += " bold" }
            if b.direction != direction { out += " \(b.direction.rawValue)" }
            if let r = b.region { out += " region=\(r)" }
            if let m = b.marker { out += " marker=\(m.text)" }
            out += "\n"
            for i in b.lines { out += "  " + dumpLine(i) + "\n" }
        }
        for f in furniture where f.kind == .footer {
            out += "\(f.kind.rawValue) \(f.box.rounded) \(quoted(f.text))\n"
        }
        for w in watermarks {
            out += "watermark \(format(w.angle))° \(w.box.rounded) \(quoted(w.text))\n"
        }
        return out
    }

    private func dumpLine(_ i: Int) -> String {
        let l = lines[i]
        var s = "line r\(l.row) \(l.box.rounded) \(format(l.fontSize))"
        if l.isBold { s += " bold" }
        if l.isFaint { s += " faint" }
        return s + " " + quoted(l.text)
    }

    private func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private func format(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

extension OutlineEntry {
    /// The outline as indented text, one entry a line: "  （一） 標題 (p.3)".
    public static func dump(_ entries: [OutlineEntry]) -> String {
        var out = ""
        func walk(_ e: OutlineEntry) {
            out += String(repeating: "  ", count: e.level - 1) + "\(e.marker) \(e.title) (p.\(e.page))\n"
            e.children.forEach(walk)
        }
        entries.forEach(walk)
        return out
    }
}

extension Rect {
    /// "[x0,y0 x1,y1]" in whole points.
    var rounded: String {
        "[\(Int(x0.rounded())),\(Int(y0.rounded())) \(Int(x1.rounded())),\(Int(y1.rounded()))]"
    }
}
