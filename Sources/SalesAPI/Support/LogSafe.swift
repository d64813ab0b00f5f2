import Foundation
import GRDB

/// What a log line may say about an error (issue 10, item 5): never SQL text, never bound
/// values (they carry customer data and key hashes), never a file path.
///
/// GRDB's `DatabaseError.description` ends with "- while executing `INSERT …`" and, with public
/// arguments, the values; only the result code and SQLite's own message are kept here.
enum LogSafe {
    static func describe(_ error: Error) -> String {
        if let db = error as? DatabaseError {
            return "SQLite error \(db.extendedResultCode)" + (db.message.map { ": " + redactingPaths($0) } ?? "")
        }
        return redactingPaths("\(type(of: error)): \(error)")
    }

    /// Absolute file paths ("/var/lib/sales/x.sqlite") become "<path>".
    static func redactingPaths(_ text: String) -> String {
        text.replacingOccurrences(of: #"(?<![\w.:/])/(?:[^\s/"'`:,()\[\]]+/)+[^\s/"'`:,()\[\]]*"#,
                                  with: "<path>", options: .regularExpression)
    }
}
