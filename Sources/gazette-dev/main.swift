import GazetteRead
import Foundation
let a = CommandLine.arguments
let p = try PDFDocument(path: a[1]).page(Int(a[2])!)
let needle = a[3]
let text = p.glyphs.map(\.text)
for (i, g) in p.glyphs.enumerated() where g.text == String(needle.first!) {
    let s = max(0, i - 3), e = min(p.glyphs.count, i + 8)
    for k in s..<e { print(k, "[\(p.glyphs[k].text)]", p.glyphs[k].box, p.glyphs[k].size) }
    print("--")
    break
}
_ = text
