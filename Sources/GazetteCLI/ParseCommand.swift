import ArgumentParser
import Foundation
import GazetteNormalise

/// `gazette parse date|number|figure|amount|time|text TEXT`: one value through the
/// normalisation grammars, for inspection.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse one value with gazette's grammars and print it as JSON.",
        discussion: "Exits 1 with a message when the text is not a valid value of that kind.")

    enum Kind: String, ExpressibleByArgument, CaseIterable { case date, number, figure, amount, time, text }

    @Argument(help: "What to parse: date, number, figure (a table cell as a spreadsheet number), amount, time or text.")
    var kind: Kind

    @Argument(help: "The text, as printed in the document.")
    var text: String

    @Option(help: "The document's year (Gregorian), for dates printed without one (5/31).")
    var year: Int?

    func run() throws {
        do {
            print(try Inspection.json(kind: kind.rawValue, text: text, documentYear: year))
        } catch {
            printError(error.localizedDescription)
            throw ExitCode.failure
        }
    }
}
