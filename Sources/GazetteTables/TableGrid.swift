import GazetteRead

/// The cell structure of one ruled table on one page: row and column
/// boundaries from its rulings, and its cells with their spans (a cell
/// spans the grid slots whose separating borders are not drawn).
public struct TableGrid: Sendable, Hashable {
    /// Column boundaries, left to right (columns = xs.count - 1).
    public var xs: [Double]
    /// Row boundaries, top to bottom (rows = ys.count - 1).
    public var ys: [Double]
    /// Cells in row-major order of their top-left slot.
    public var cells: [GridCell]

    public var rowCount: Int { ys.count - 1 }
    public var columnCount: Int { xs.count - 1 }
    public var box: Rect { Rect(x0: xs.first!, y0: ys.first!, x1: xs.last!, y1: ys.last!) }

    /// One cell: its top-left slot and span.
    public struct GridCell: Sendable, Hashable {
        public var row: Int
        public var col: Int
        public var rowSpan: Int
        public var colSpan: Int
        public var box: Rect
    }

    /// The smallest row or column a grid keeps; thinner ones come from double
    /// borders and are folded into their neighbour.
    static let minimumSlot = 3.5
    /// Fraction of a slot's edge that must be drawn for the edge to count.
    static let edgeCoverage = 0.5

    /// Builds the grid of one ruling component, or nil when it is not a
    /// table (fewer than two rows or columns: a frame, an underline).
    public init?(network: RulingNetwork, horizontals hIndices: [Int], verticals vIndices: [Int]) {
        let hs = hIndices.map { network.horizontals[$0] }
        let vs = vIndices.map { network.verticals[$0] }
        guard !hs.isEmpty, !vs.isEmpty else { return nil }

        let left = min(hs.map(\.start).min()!, vs.map(\.position).min()!)
        let right = max(hs.map(\.end).max()!, vs.map(\.position).max()!)
        let top = min(vs.map(\.start).min()!, hs.map(\.position).min()!)
        let bottom = max(vs.map(\.end).max()!, hs.map(\.position).max()!)

        var xs = Self.boundaries(vs.map(\.position) + [left, right])
        var ys = Self.boundaries(hs.map(\.position) + [top, bottom])
        xs = Self.dropThinSlots(xs)
        ys = Self.dropThinSlots(ys)
        guard xs.count >= 2, ys.count >= 2 else { return nil }
        // A single cell is a frame around text, not a table.
        guard xs.count > 2 || ys.count > 2, xs.count >= 2 && ys.count >= 2 else { return nil }
        if xs.count == 2 && ys.count == 2 { return nil }

        let rows = ys.count - 1, cols = xs.count - 1

        func covered(_ segments: [RulingNetwork.Segment], at position: Double, from a: Double, to b: Double) -> Bool {
            let span = b - a
            guard span > 0 else { return true }
            var total = 0.0
            for s in segments where abs(s.position - position) <= RulingNetwork.positionTolerance + 1.0 {
                total += max(0, min(s.end, b) - max(s.start, a))
            }
            return total >= span * Self.edgeCoverage
        }

        // rightOpen[r][c]: no border between slot (r,c) and (r,c+1).
        var rightOpen = Array(repeating: Array(repeating: false, count: cols), count: rows)
        var downOpen = Array(repeating: Array(repeating: false, count: cols), count: rows)
        for r in 0..<rows {
            for c in 0..<(cols - 1) {
                rightOpen[r][c] = !covered(vs, at: xs[c + 1], from: ys[r], to: ys[r + 1])
            }
        }
        for r in 0..<(rows - 1) {
            for c in 0..<cols {
                downOpen[r][c] = !covered(hs, at: ys[r + 1], from: xs[c], to: xs[c + 1])
            }
        }

        self.xs = xs
        self.ys = ys
        self.cells = Self.mergeSlots(rows: rows, cols: cols, rightOpen: rightOpen, downOpen: downOpen, xs: xs, ys: ys)
    }

    init(xs: [Double], ys: [Double], cells: [GridCell]) {
        self.xs = xs
        self.ys = ys
        self.cells = cells
    }

    /// Clusters positions into distinct boundaries (mean of each cluster).
    static func boundaries(_ positions: [Double]) -> [Double] {
        let sorted = positions.sorted()
        var result: [Double] = []
        var cluster: [Double] = []
        for p in sorted {
            if let last = cluster.last, p - last > 2.0 {
                result.append(cluster.reduce(0, +) / Double(cluster.count))
                cluster = []
            }
            cluster.append(p)
        }
        if !cluster.isEmpty { result.append(cluster.reduce(0, +) / Double(cluster.count)) }
        return result
    }

    /// Removes boundaries that make slots thinner than `minimumSlot` (keeping
    /// the outer ones).
    static func dropThinSlots(_ bounds: [Double]) -> [Double] {
        guard bounds.count > 2 else { return bounds }
        var result = [bounds[0]]
        for b in bounds.dropFirst() {
            if b - result.last! < minimumSlot {
                // Keep the outermost boundary when the thin slot is at the edge.
                if b == bounds.last! { result[result.count - 1] = b }
                continue
            }
            result.append(b)
        }
        return result
    }

    /// Joins slots not separated by a drawn border into cells. A group that
    /// is not a rectangle (an L-shape from a partly drawn border) is split
    /// back into row runs, so every cell stays rectangular.
    static func mergeSlots(rows: Int, cols: Int, rightOpen: [[Bool]], downOpen: [[Bool]],
                           xs: [Double], ys: [Double]) -> [GridCell] {
        var sets = UnionFind(count: rows * cols)
        for r in 0..<rows {
            for c in 0..<cols {
                if c + 1 < cols && rightOpen[r][c] { sets.union(r * cols + c, r * cols + c + 1) }
                if r + 1 < rows && downOpen[r][c] { sets.union(r * cols + c, (r + 1) * cols + c) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in 0..<(rows * cols) { groups[sets.find(i), default: []].append(i) }

        var cells: [GridCell] = []
        for (_, members) in groups {
            let rs = members.map { $0 / cols }, cs = members.map { $0 % cols }
            let r0 = rs.min()!, r1 = rs.max()!, c0 = cs.min()!, c1 = cs.max()!
            if (r1 - r0 + 1) * (c1 - c0 + 1) == members.count {
                cells.append(GridCell(row: r0, col: c0, rowSpan: r1 - r0 + 1, colSpan: c1 - c0 + 1,
                                      box: Rect(x0: xs[c0], y0: ys[r0], x1: xs[c1 + 1], y1: ys[r1 + 1])))
            } else {
                // Not rectangular: keep horizontal runs within each row.
                let set = Set(members)
                for r in r0...r1 {
                    var c = c0
                    while c <= c1 {
                        guard set.contains(r * cols + c) else { c += 1; continue }
                        var end = c
                        while end + 1 <= c1 && set.contains(r * cols + end + 1) && rightOpen[r][end] { end += 1 }
                        cells.append(GridCell(row: r, col: c, rowSpan: 1, colSpan: end - c + 1,
                                              box: Rect(x0: xs[c], y0: ys[r], x1: xs[end + 1], y1: ys[r + 1])))
                        c = end + 1
                    }
                }
            }
        }
        cells.sort { ($0.row, $0.col) < ($1.row, $1.col) }
        return cells
    }

    /// Two tables drawn one on the other in one frame: a budget book's
    /// 計畫說明 block (名稱 | 承辦單位 | 預算金額 …) ruled straight onto the
    /// 各項費用明細表 below it. Split where no column border carries on from
    /// the row above to the row below (every interior border ends or
    /// starts at that rule, and the two sets differ); each part keeps only
    /// the column boundaries its own cells use. One part: `[self]`.
    public func stackedParts() -> [TableGrid] {
        guard rowCount >= 2 else { return [self] }
        func borders(_ row: Int) -> Set<Int> {
            Set(cells.filter { $0.row <= row && row < $0.row + $0.rowSpan }.map { $0.col + $0.colSpan }
                .filter { $0 < columnCount })
        }
        // A cell over the rule joins the rows.
        func crossed(_ k: Int) -> Bool { cells.contains { $0.row < k && k < $0.row + $0.rowSpan } }
        let rowBorders = (0..<rowCount).map(borders)
        var starts = [0]
        var k = 1
        while k < rowCount {
            defer { k += 1 }
            guard !crossed(k), !rowBorders[k - 1].isEmpty else { continue }
            // Rows without interior borders between the two (the blank band
            // between the frames) become a part of their own.
            var m = k
            while m < rowCount, rowBorders[m].isEmpty { m += 1 }
            guard m < rowCount, (k...m).allSatisfy({ !crossed($0) }), rowBorders[k - 1].isDisjoint(with: rowBorders[m])
            else { continue }
            starts.append(k)
            if m > k { starts.append(m) }
            k = m
        }
        guard starts.count > 1 else { return [self] }
        return zip(starts, starts.dropFirst() + [rowCount]).map { r0, r1 in
            let part = cells.filter { $0.row >= r0 && $0.row < r1 }
            let used = Set(part.flatMap { [$0.col, $0.col + $0.colSpan] })
            let keep = xs.indices.filter(used.contains)
            let newIndex = Dictionary(uniqueKeysWithValues: keep.enumerated().map { ($1, $0) })
            let partCells = part.map { c -> GridCell in
                let c0 = newIndex[c.col]!, c1 = newIndex[c.col + c.colSpan]!
                return GridCell(row: c.row - r0, col: c0, rowSpan: c.rowSpan, colSpan: c1 - c0, box: c.box)
            }
            return TableGrid(xs: keep.map { xs[$0] }, ys: Array(ys[r0...r1]), cells: partCells)
        }
    }

    /// The cell covering slot (row, col).
    public func cell(coveringRow row: Int, col: Int) -> GridCell? {
        cells.first { row >= $0.row && row < $0.row + $0.rowSpan && col >= $0.col && col < $0.col + $0.colSpan }
    }
}
