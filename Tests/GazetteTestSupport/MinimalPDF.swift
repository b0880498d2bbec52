import Foundation

/// The smallest well-formed PDF of some objects, for tests that need a PDF
/// no generator would write (a page tree with no pages, a page of hand-
/// written drawing operators, a broken image).
public enum MinimalPDF {
    /// A PDF of `objects`, numbered from 1 (the first is the catalog), with
    /// a correct xref table.
    public static func bytes(objects: [String]) -> Data {
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { text += String(format: "%010d 00000 n \n", offset) }
        text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(text.utf8)
    }

    /// A content stream object holding `body`.
    public static func stream(_ body: String, dictionary: String = "") -> String {
        "<< \(dictionary) /Length \(body.utf8.count) >>\nstream\n\(body)\nendstream"
    }
}
