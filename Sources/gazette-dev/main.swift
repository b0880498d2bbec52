import GazetteRead
import Foundation
let a = CommandLine.arguments
let p = try PDFDocument(path: a[1]).page(Int(a[2])!)
for r in p.rulings where r.orientation == .horizontal && r.position < Double(a[3])! { print(r.orientation, r.position, r.start, r.end, r.thickness, r.source, String(r.color, radix: 16)) }
for b in p.filledBoxes where b.y0 < Double(a[3])! { print("box", b) }
