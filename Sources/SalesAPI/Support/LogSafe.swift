import Foundation
import SalesStore

/// What a log line may say about an error (issue 10, item 5): never SQL text, never bound
/// values (they carry customer data and key hashes), never a file path.
///
/// A database error's own description ends with the SQL and, with public arguments, the values;
/// StorageFailure.logSafeDescription keeps only the result code and the database's message.
enum LogSafe {
    static func describe(_ error: Error) -> String {
        if let text = StorageFailure.logSafeDescription(error) { return redactingPaths(text) }
        return redactingPaths("\(type(of: error)): \(error)")
    }

    /// Absolute file paths ("/var/lib/sales/x.sqlite") become "<path>".
    static func redactingPaths(_ text: String) -> String {
        text.replacingOccurrences(of: #"(?<![\w.:/])/(?:[^\s/"'`:,()\[\]]+/)+[^\s/"'`:,()\[\]]*"#,
                                  with: "<path>", options: .regularExpression)
    }
}
