import GazetteRead
import GazetteTables
import Foundation
let a = CommandLine.arguments
let p = try PDFDocument(path: a[1]).page(Int(a[2])!)
for r in p.rulings { print(r.orientation, r.position, r.start, r.end, r.thickness, r.source) }
let found = RuledTableDetector.detect(on: p)
for t in found.tables { print("table", t.box, t.grid.rowCount, t.grid.columnCount) }
