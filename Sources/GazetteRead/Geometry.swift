import Foundation

/// An axis-aligned rectangle in page space: points, origin at the top-left
/// corner of the page as displayed (after the page's /Rotate), y growing down.
public struct Rect: Hashable, Sendable, Codable, CustomStringConvertible {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = min(x0, x1)
        self.y0 = min(y0, y1)
        self.x1 = max(x0, x1)
        self.y1 = max(y0, y1)
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }
    public var area: Double { width * height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The smallest rectangle holding both.
    public func union(_ other: Rect) -> Rect {
        Rect(x0: Swift.min(x0, other.x0), y0: Swift.min(y0, other.y0),
             x1: Swift.max(x1, other.x1), y1: Swift.max(y1, other.y1))
    }

    /// The overlap of both, or nil when they do not overlap.
    public func intersection(_ other: Rect) -> Rect? {
        let lx = Swift.max(x0, other.x0), ly = Swift.max(y0, other.y0)
        let hx = Swift.min(x1, other.x1), hy = Swift.min(y1, other.y1)
        return (lx < hx && ly < hy) ? Rect(x0: lx, y0: ly, x1: hx, y1: hy) : nil
    }

    /// Length of the overlap of the two vertical extents (0 when disjoint).
    public func verticalOverlap(_ other: Rect) -> Double {
        Swift.max(0, Swift.min(y1, other.y1) - Swift.max(y0, other.y0))
    }

    /// Length of the overlap of the two horizontal extents (0 when disjoint).
    public func horizontalOverlap(_ other: Rect) -> Double {
        Swift.max(0, Swift.min(x1, other.x1) - Swift.max(x0, other.x0))
    }

    public func contains(x: Double, y: Double) -> Bool {
        x >= x0 && x <= x1 && y >= y0 && y <= y1
    }

    /// The rectangle shrunk by `d` on every side (grown when `d` is negative).
    public func insetBy(_ d: Double) -> Rect {
        Rect(x0: x0 + d, y0: y0 + d, x1: x1 - d, y1: y1 - d)
    }

    public var description: String {
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        return "[\(f(x0)),\(f(y0)) \(f(x1)),\(f(y1))]"
    }
}
