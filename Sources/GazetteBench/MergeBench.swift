import Foundation
import Gazette

/// `gazette merge` on many documents: wall time, peak RSS and output size
/// per format, at two document counts, to show that memory stays flat in
/// the number of documents. The documents are copies of a few real outputs
/// (the corpus PDFs extracted by `gazette extract`), each with a file name
/// and SHA-256 of its own, a thousand to a directory, as a batch lays out.
struct MergeBench {
    /// The `gazette` binary.
    var gazette: String
    /// The PDFs whose outputs are copied.
    var seeds: [String]

    struct Result {
        var documents: Int
        var format: OutputFormat
        var seconds: Double
        var peakRSS: Int
        var bytes: Int
        var records: Int
    }

    /// Measures every merging format at each of `counts` documents.
    func run(counts: [Int]) throws -> [Result] {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-merge-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        var documents: [(text: String, file: String, sha256: String, records: Int)] = []
        for seed in seeds {
            let json = work.appendingPathComponent("seed-\(documents.count).json")
            let run = try Child.run(executable: gazette, arguments: ["extract", seed, "-o", json.path])
            guard run.status == 0 else { throw BenchError("\(seed): extraction failed: \(run.stderr)") }
            let data = try Data(contentsOf: json)
            let value = try JSONValue(parsing: data)
            guard let file = value["source"]?["file"]?.stringValue, let sha = value["source"]?["sha256"]?.stringValue,
                  let records = value["records"]?.arrayValue?.count else { throw BenchError("\(seed): not a document") }
            documents.append((String(decoding: data, as: UTF8.self), file, sha, records))
        }
        var results: [Result] = []
        for count in counts {
            let directory = work.appendingPathComponent("out-\(count)")
            var records = 0
            for i in 0..<count {
                let seed = documents[i % documents.count]
                // A name and a digest of its own, as if from another PDF.
                let file = String(format: "doc-%05d-", i) + seed.file
                let sha = String(String(repeating: "0", count: 64 - String(i, radix: 16).count) + String(i, radix: 16))
                let text = seed.text
                    .replacingOccurrences(of: "\"file\":\"\(seed.file)\"", with: "\"file\":\"\(file)\"")
                    .replacingOccurrences(of: "\"sha256\":\"\(seed.sha256)\"", with: "\"sha256\":\"\(sha)\"")
                let url = directory.appendingPathComponent(String(format: "%03d", i / 1000))
                    .appendingPathComponent(String(format: "doc-%05d.json", i))
                try AtomicFile.write(Array(text.utf8), to: url)
                records += seed.records
            }
            for format in Merge.formats {
                let output = work.appendingPathComponent("merged-\(count)." + format.fileExtension)
                let run = try Child.run(executable: gazette, arguments: ["merge", directory.path, "--format", format.rawValue,
                                                                         "-o", output.path])
                guard run.status == 0 else { throw BenchError("gazette merge --format \(format.rawValue) failed: \(run.stderr)") }
                results.append(Result(documents: count, format: format, seconds: run.seconds, peakRSS: run.peakRSS,
                                      bytes: Self.size(of: output, format: format), records: records))
                Self.remove(output, format: format)
            }
            try? FileManager.default.removeItem(at: directory)
        }
        return results
    }

    /// The bytes written: the file, or for CSV every `<base>.<part>.csv`.
    static func size(of output: URL, format: OutputFormat) -> Int {
        func bytes(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        guard format == .csv else { return bytes(output.path) }
        let base = output.deletingPathExtension().lastPathComponent + "."
        let directory = output.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix(base) && $0.hasSuffix(".csv") }.map { bytes(directory.appendingPathComponent($0).path) }.reduce(0, +)
    }

    static func remove(_ output: URL, format: OutputFormat) {
        guard format == .csv else { try? FileManager.default.removeItem(at: output); return }
        let base = output.deletingPathExtension().lastPathComponent + "."
        let directory = output.deletingLastPathComponent()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasPrefix(base) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// The figures as a Markdown section.
    static func markdown(_ results: [Result], seeds: [String], date: String) -> String {
        var s = "## \(date) — gazette merge\n\n"
        s += "Copies of the outputs of \(seeds.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")), "
        s += "each with a file name and SHA-256 of its own, a thousand to a directory; `gazette merge DIR --format F -o FILE`, "
        s += "wall time and peak RSS from `wait4`.\n\n"
        s += "| documents | records | format | s | documents/s | peak RSS MB | output MB |\n|---:|---:|---|---:|---:|---:|---:|\n"
        for r in results {
            s += String(format: "| %d | %d | %@ | %.2f | %.0f | %.1f | %.1f |\n", r.documents, r.records, r.format.rawValue as NSString,
                        r.seconds, Double(r.documents) / max(r.seconds, 1e-6), Double(r.peakRSS) / 1_048_576,
                        Double(r.bytes) / 1_048_576)
        }
        let counts = Array(Set(results.map(\.documents))).sorted()
        if let few = counts.first, let many = counts.last, few < many {
            s += "\nPeak RSS at \(many) documents over \(few), per format: "
            s += Merge.formats.compactMap { format -> String? in
                guard let a = results.first(where: { $0.documents == few && $0.format == format }),
                      let b = results.first(where: { $0.documents == many && $0.format == format }) else { return nil }
                return String(format: "%@ %+.0f%%", format.rawValue as NSString, (Double(b.peakRSS) / Double(a.peakRSS) - 1) * 100)
            }.joined(separator: ", ")
            s += " (\(many / few)× the documents).\n"
        }
        return s
    }
}
