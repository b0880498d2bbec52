import ArgumentParser
import Foundation
import Gazette

/// `gazette schema [NAME]`: prints one of gazette's JSON Schemas.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print gazette's JSON Schema (the document schema, or a record type's).")

    @Argument(help: "document (default) or a record type: \(SchemaLibrary.recordSchemaNames.joined(separator: ", ")).")
    var name: String = "document"

    @Flag(help: "List the schema names.")
    var list = false

    func run() throws {
        if list {
            for name in SchemaLibrary.allNames { print(name) }
            return
        }
        guard let text = SchemaLibrary.text(named: name) else {
            printError("no schema named \(name); try: \(SchemaLibrary.allNames.joined(separator: ", "))")
            throw ExitCode.failure
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
