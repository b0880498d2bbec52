import ArgumentParser
import Foundation
import Gazette

/// `gazette validate FILE.json...`: checks documents against our schema.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON documents against gazette's schema.",
        discussion: "Prints one line per file; exits 1 when any file is invalid or unreadable.")

    @Argument(help: "JSON documents made by `gazette extract`.", completion: .file(extensions: ["json"]))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one JSON file") }
    }

    func run() throws {
        var failed = false
        for file in files {
            let problems: [String]
            do {
                problems = try DocumentValidator.shared.validate(fileAt: file)
            } catch {
                printError(error.localizedDescription)
                failed = true
                continue
            }
            if problems.isEmpty {
                print("\(file): valid")
            } else {
                failed = true
                print("\(file): invalid")
                for problem in problems.prefix(50) { print("  \(problem)") }
                if problems.count > 50 { print("  … and \(problems.count - 50) more") }
            }
        }
        if failed { throw ExitCode.failure }
    }
}
