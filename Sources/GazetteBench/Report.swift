import Foundation
import Gazette

/// One file's figures.
struct FileResult {
    var file: String
    var pages: Int
    var gazetteSeconds: Double
    var timings: StageTimings
    var peakRSS: Int
    var pdftotextSeconds: Double
    var pdfplumberSeconds: Double?

    var name: String { (file as NSString).lastPathComponent }
    var ratio: Double { gazetteSeconds / max(pdftotextSeconds, 1e-6) }

    var line: String {
        var s = String(format: "%-36@ %4d p  %6.3f s  %7.1f p/s  %5.2f× pdftotext  %6.1f MB", name.prefix(36) as NSString, pages,
                       gazetteSeconds, Double(pages) / gazetteSeconds, ratio, Double(peakRSS) / 1_048_576)
        if let p = pdfplumberSeconds { s += String(format: "  pdfplumber %.2f s (%.0f× slower)", p, p / gazetteSeconds) }
        return s
    }
}

/// Peak RSS on the longest PDF, whole and on its first 40 pages.
struct MemoryCheck {
    var file: String
    var pages: Int
    var wholeRSS: Int
    var first40RSS: Int
    var growth: Double { Double(wholeRSS) / Double(max(first40RSS, 1)) - 1 }
}

/// `gazette batch` with one worker and with two.
struct BatchScaling {
    var files: Int
    var oneJob: Double
    var twoJobs: Double
    var speedUp: Double { oneJob / twoJobs }
}

/// Totals, ratios and the Markdown record.
struct Report {
    var results: [FileResult]
    var pdfplumber: Bool
    var memory: MemoryCheck?
    var batch: BatchScaling?

    var pages: Int { results.map(\.pages).reduce(0, +) }
    var gazette: Double { results.map(\.gazetteSeconds).reduce(0, +) }
    var floor: Double { results.map(\.pdftotextSeconds).reduce(0, +) }
    var stages: StageTimings { results.map(\.timings).reduce(StageTimings(), +) }
    var plumber: Double? {
        let values = results.compactMap(\.pdfplumberSeconds)
        return values.count == results.count && !values.isEmpty ? values.reduce(0, +) : nil
    }

    var summary: String {
        let s = stages
        var lines = [
            String(format: "TOTAL %d files, %d pages: gazette %.2f s (%.1f pages/s), pdftotext -bbox-layout %.2f s: %.2f× poppler's floor",
                   results.count, pages, gazette, Double(pages) / gazette, floor, gazette / floor),
            String(format: "stages (in-process): read %.2f  layout %.2f  tables %.2f  normalise %.2f  records %.2f  emit %.2f  (normalise %.1f%% of total)",
                   s.read, s.layout, s.tables, s.normalise, s.records, s.emit, 100 * s.normalise / max(s.total, 1e-9)),
        ]
        if let p = plumber { lines.append(String(format: "pdfplumber extract_tables %.2f s: gazette is %.1f× faster", p, p / gazette)) }
        if let m = memory {
            lines.append(String(format: "memory: %@ (%d pages) peak RSS %.1f MB; first 40 pages %.1f MB (%+.0f%%)",
                                (m.file as NSString).lastPathComponent, m.pages, Double(m.wholeRSS) / 1_048_576,
                                Double(m.first40RSS) / 1_048_576, 100 * m.growth))
        }
        if let b = batch {
            lines.append(String(format: "batch: %d files, --jobs 1 %.2f s, --jobs 2 %.2f s: %.2f× faster (%d cores)",
                                b.files, b.oneJob, b.twoJobs, b.speedUp, ProcessInfo.processInfo.activeProcessorCount))
        }
        return lines.joined(separator: "\n")
    }

    func markdown(short: Bool) -> String {
        let date = ISO8601DateFormatter().string(from: Date())
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?
            .trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        var md = "## \(date) — \(short ? "short" : "full") run\n\n"
        md += "Machine: \(cpu), \(cores) cores, \(String(format: "%.0f", memory)) GiB; gazette \(GazetteVersion.current), release build.\n\n"
        md += "| file | pages | gazette s | pages/s | × pdftotext | peak RSS MB |" + (pdfplumber ? " pdfplumber s | plumber/gazette |" : "") + "\n"
        md += "|---|---:|---:|---:|---:|---:|" + (pdfplumber ? "---:|---:|" : "") + "\n"
        for r in results {
            md += String(format: "| %@ | %d | %.3f | %.1f | %.2f | %.1f |", r.name as NSString, r.pages, r.gazetteSeconds,
                         Double(r.pages) / r.gazetteSeconds, r.ratio, Double(r.peakRSS) / 1_048_576)
            if pdfplumber {
                md += r.pdfplumberSeconds.map { String(format: " %.2f | %.0f× |", $0, $0 / r.gazetteSeconds) } ?? " – | – |"
            }
            md += "\n"
        }
        md += "\n```\n\(summary)\n```\n"
        return md
    }
}
