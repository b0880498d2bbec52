/// Every date printed in a document, once per occurrence, with its page:
/// the normalise stage's index of dates, filled from the running text and
/// the table cells of each page.
///
/// Within a page, dates keep the order they were added in (running text
/// first, then the tables' cells, as the composition adds them); pages come
/// in order. A year-less date (7 月 5 日) takes the document's year.
public struct DateIndex: Sendable {
    private let scanner: DateScanner
    private var byPage: [Int: [DateMatch]] = [:]

    public init(documentYear: Int?) {
        scanner = DateScanner(context: DateContext(documentYear: documentYear))
    }

    /// Adds the dates of one text (a line of running text, or a cell) on `page`.
    public mutating func add(_ text: String, page: Int) {
        let found = scanner.matches(in: text)
        if !found.isEmpty { byPage[page, default: []] += found }
    }

    /// Adds the dates of running text: each line on its own (a date never
    /// runs over a line break of the page text).
    public mutating func add(lines text: String, page: Int) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) { add(String(line), page: page) }
    }

    /// The dates, page by page.
    public var entries: [(page: Int, match: DateMatch)] {
        byPage.keys.sorted().flatMap { page in byPage[page]!.map { (page, $0) } }
    }
}
