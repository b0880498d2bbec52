import Foundation
import GazetteRead
let args = CommandLine.arguments
let doc = try PDFDocument(path: args[1], password: ProcessInfo.processInfo.environment["PW"])
if args.count > 2 {
    let p = try doc.page(Int(args[2])!)
    print("page", p.width, p.height, p.rotation, "glyphs", p.glyphs.count, "rulings", p.rulings.count, "images", p.images.count, "boxes", p.filledBoxes.count, p.problems)
    for g in p.glyphs.prefix(Int(args.count > 3 ? args[3] : "30")!) { print(g.text, g.box, String(format: "%.1f %.0f", g.size, g.angle), String(g.color, radix: 16), p.fonts[g.font].name) }
    for r in p.rulings.prefix(40) { print(r.orientation, String(format: "%.1f %.1f-%.1f w%.2f", r.position, r.start, r.end, r.thickness), r.source) }
    exit(0)
}
var out = ""
for n in 1...max(doc.pageCount, 1) where doc.pageCount > 0 {
    let p = try doc.page(n)
    out += p.glyphs.map(\.text).joined() + "\u{0C}"
}
FileHandle.standardOutput.write(out.data(using: .utf8)!)
