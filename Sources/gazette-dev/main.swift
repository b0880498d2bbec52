import GazetteRead
import GazetteTables
import Foundation
let a = CommandLine.arguments
let doc = try PDFDocument(path: a[1])
for n in a[2...].compactMap(Int.init) {
    let p = try doc.page(n)
    let found = RuledTableDetector.detect(on: p)
    for t in found.tables {
        print("page", n, "table", t.box, t.grid.rowCount, "x", t.grid.columnCount, t.shape)
        for row in t.matrix { print("   ", row.map { String($0.prefix(10)) }) }
    }
}
