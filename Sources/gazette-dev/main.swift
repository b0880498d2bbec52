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
for n in a[2...].compactMap(Int.init) {
    let p = try doc.page(n)
    for t in RuledTableDetector.detect(on: p).tables {
        var pads: [Int] = []
        for r in 0..<t.grid.rowCount {
            let bottoms = zip(t.grid.cells, t.cells).filter { $0.0.row + $0.0.rowSpan - 1 == r && $0.1.lineCount > 0 }.map { $0.1.lastLineBottom }
            pads.append(Int(((t.grid.ys[r + 1] - (bottoms.max() ?? 0)) * 10).rounded()))
        }
        print("page", n, "pads", pads)
    }
}
