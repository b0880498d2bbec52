import Foundation

/// Wall time spent in each stage of one extraction, for the benchmark.
public struct StageTimings: Sendable, Hashable, Codable {
    public var read: Double = 0
    /// Rendering and recognising the pages read by OCR, and how many.
    public var ocr: Double = 0
    public var ocrPages: Int = 0
    public var layout: Double = 0
    public var tables: Double = 0
    public var normalise: Double = 0
    public var records: Double = 0
    public var emit: Double = 0

    public init() {}

    public var total: Double { read + ocr + layout + tables + normalise + records + emit }

    public static func + (a: StageTimings, b: StageTimings) -> StageTimings {
        var r = StageTimings()
        r.read = a.read + b.read
        r.ocr = a.ocr + b.ocr
        r.ocrPages = a.ocrPages + b.ocrPages
        r.layout = a.layout + b.layout
        r.tables = a.tables + b.tables
        r.normalise = a.normalise + b.normalise
        r.records = a.records + b.records
        r.emit = a.emit + b.emit
        return r
    }
}

/// Measures a closure's wall time into a stage's counter.
@inline(__always)
func timed<T, E: Error>(_ counter: inout Double, _ body: () throws(E) -> T) throws(E) -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    defer { counter += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    return try body()
}
