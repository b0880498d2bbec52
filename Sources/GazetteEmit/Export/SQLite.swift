import CSQLite
import Foundation

/// The little of SQLite's C API a database export needs: open a new file,
/// run statements, insert rows through prepared statements. The system's
/// libsqlite3 (see the README for why not GRDB).
final class SQLiteDatabase {
    private var handle: OpaquePointer?
    let path: String

    /// Opens (creating) the database at `path`.
    init(path: String) throws {
        self.path = path
        let rc = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard rc == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            handle = nil
            throw SQLiteError(path: path, message: message)
        }
    }

    deinit { close() }

    func close() {
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            throw SQLiteError(path: path, message: "\(text) (in \(sql.prefix(80)))")
        }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw SQLiteError(path: path, message: "\(lastError) (in \(sql.prefix(80)))")
        }
        return SQLiteStatement(statement: statement, database: self)
    }

    var lastError: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "the database is closed" }

    /// The id of the row inserted last.
    var lastInsertedRow: Int64 { sqlite3_last_insert_rowid(handle) }

    /// `name` as an SQL identifier: `"table"`.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

/// One value bound to a statement.
enum SQLiteValue: Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// A prepared statement, run once per row.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private unowned let database: SQLiteDatabase

    init(statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit { sqlite3_finalize(statement) }

    /// SQLite copies bound text at once (SQLITE_TRANSIENT).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Runs the statement with `values` bound to its parameters, in order.
    func run(_ values: [SQLiteValue]) throws {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (i, value) in values.enumerated() {
            let position = Int32(i + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(statement, position)
            case .integer(let n): rc = sqlite3_bind_int64(statement, position, n)
            case .real(let d): rc = sqlite3_bind_double(statement, position, d)
            case .text(let s): rc = sqlite3_bind_text(statement, position, s, -1, Self.transient)
            }
            guard rc == SQLITE_OK else { throw SQLiteError(path: database.path, message: database.lastError) }
        }
        guard sqlite3_step(statement) == SQLITE_DONE else {
            throw SQLiteError(path: database.path, message: database.lastError)
        }
    }
}

/// Why the database could not be written.
struct SQLiteError: LocalizedError {
    var path: String
    var message: String
    var errorDescription: String? { "\(path): SQLite: \(message)" }
}
