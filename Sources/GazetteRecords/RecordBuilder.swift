import GazetteNormalise
import GazetteTables

/// A paragraph of running text (folded) and the page it is on.
public struct RunningParagraph: Sendable, Hashable {
    public var page: Int
    public var text: String
    /// Its printed lines, each as the pieces a wide gap cuts it into
    /// (`製表人：郭真真` and `擬參選人：郭裕信` side by side), folded.
    public var lines: [[String]]
    /// The font size of its first line, in points (0 when not known).
    public var fontSize: Double
    public var isBold: Bool

    /// `lines` default to the text as one line of one piece.
    public init(page: Int, text: String, lines: [[String]]? = nil, fontSize: Double = 0, isBold: Bool = false) {
        self.page = page
        self.text = text
        self.lines = lines ?? [[text]]
        self.fontSize = fontSize
        self.isBold = isBold
    }
}

/// What recognisers know about the document besides the table itself.
public struct RecordContext: Sendable, Hashable {
    /// The document's (Gregorian) year, for dates printed without one.
    public var documentYear: Int?
    /// The document's date, for an agenda that prints no day of its own.
    public var documentDate: PartialDate?
    /// Each page's running headers (folded): text repeated at the top of
    /// neighbouring pages, such as the kind of a council's list (議員提案).
    public var runningHeaders: [Int: [String]]

    public init(documentYear: Int? = nil, documentDate: PartialDate? = nil, runningHeaders: [Int: [String]] = [:]) {
        self.documentYear = documentYear
        self.documentDate = documentDate
        self.runningHeaders = runningHeaders
    }

    var dateContext: DateContext { DateContext(documentYear: documentYear) }
}

/// Turns tables into typed records: each recogniser matches tables by their
/// headers and context and reads their rows; tables no recogniser takes stay
/// in `tables` only. Trips told in running text are read from paragraphs.
public enum RecordBuilder {
    /// Records of every table, in table order, then trips, key–value forms
    /// and agenda lines from running text, each among the table records by page.
    public static func records(tables: [LogicalTable], paragraphs: [RunningParagraph] = [], documentYear: Int?,
                               documentDate: PartialDate? = nil, runningHeaders: [Int: [String]] = [:]) -> [Record] {
        let context = RecordContext(documentYear: documentYear, documentDate: documentDate, runningHeaders: runningHeaders)
        var records: [Record] = []
        // A table of contents lists the document's parts: it holds no records.
        let tables = tables.filter { $0.shape != .contents }
        var index = 0
        while index < tables.count {
            // A form whose labels stand in cells of their own may go on in
            // the bands ruled below it: one form of several tables.
            // A form that is only the head of its table yields to a reader
            // of the table's own kind (a 合作提案單 is a proposal form).
            var head: FormRecord?
            if let (form, taken) = FormReader.cellForm(tables[index...], context) {
                guard taken == 0 else {
                    records.append(.form(form))
                    index += taken
                    continue
                }
                head = form
            }
            let table = tables[index]
            index += 1
            var read = false
            for recogniser in recognisers {
                let found = recogniser(table, context)
                if !found.isEmpty {
                    records += found
                    read = true
                    break
                }
            }
            if !read, let head { records.append(.form(head)) }
        }
        // Records from running text go among the table records by page.
        var forms = RunningTextForms.records(in: paragraphs, context: context)
        joiningFormsRunOnIntoTables(&forms, &records)
        let running = RunningTextTrips.records(in: paragraphs, context: context)
            + forms
            + RunningTextSchedule.records(in: paragraphs, context: context)
        for record in running {
            let index = records.firstIndex { $0.provenance.page > record.provenance.page } ?? records.count
            records.insert(record, at: index)
        }
        return records
    }

    /// A form of running text whose pairs run on into a key–value table set
    /// right below them (an exam paper's head: 等別：初等考試 / 類科：統計
    /// in lines, then 科目：統計學大意 | 考試時間：1小時 | 座號： in columns)
    /// is one form: a one-block form of a table on the same page whose
    /// caption is itself a pair (the last line of the form above it) joins
    /// the first form of its page, which keeps its title.
    static func joiningFormsRunOnIntoTables(_ running: inout [Record], _ records: inout [Record]) {
        var pages = Set<Int>()
        for i in running.indices {
            guard case .form(var head) = running[i], pages.insert(head.provenance.page).inserted,
                  let j = records.firstIndex(where: { isRunOn($0, page: head.provenance.page, among: records) }),
                  case .form(let tail) = records[j] else { continue }
            for key in tail.fields.keys where head.fields[key] == nil {
                head.fields.set(key, tail.fields[key] ?? "")
                head.values.set(key, tail.values[key] ?? .none)
            }
            running[i] = .form(head)
            records.remove(at: j)
        }
    }

    /// Whether a table record is the one block of a key–value table on
    /// `page` captioned by a pair.
    static func isRunOn(_ record: Record, page: Int, among records: [Record]) -> Bool {
        guard case .form(let form) = record, let table = form.provenance.table, form.provenance.page == page,
              let title = form.title, FieldLabel.split(title) != nil else { return false }
        return records.filter { r in
            if case .form(let other) = r { return other.provenance.table == table }
            return false
        }.count == 1
    }

    /// A recogniser: the records of a table, or none when the table is not
    /// of its kind.
    typealias Recogniser = @Sendable (LogicalTable, RecordContext) -> [Record]

    /// The recognisers, most specific first.
    static let recognisers: [Recogniser] = [
        FormReader.records,
        ProposalFormReader.records,
        TripTableReader.records,
        ProposalListReader.records,
        FundingTableReader.records,
        ScheduleTableReader.records,
        StatisticTableReader.records,
    ]
}
