import Foundation
import CLibPQ

/// Where a libpq connection URI points (host, port, database, user), read with libpq's own parser
/// so that it means what libpq will do; never the password.
struct PostgresTarget: CustomStringConvertible {
    var host = "localhost", port = "5432", database: String?, user: String?

    init(url: String) {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &error) else {
            if let error { PQfreemem(error) }
            return
        }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                let text = String(cString: value)
                switch String(cString: keyword) {
                case "host", "hostaddr": if !text.isEmpty { host = text }
                case "port": if !text.isEmpty { port = text }
                case "dbname": database = text
                case "user": user = text
                default: break
                }
            }
            option += 1
        }
    }

    var description: String { "PostgreSQL at \(host):\(port), database \(database ?? user ?? "(the user's)")" }
}

/// One libpq connection (issue 18). This first step opens it, so that a wrong URL or an
/// unreachable server is named in one line (host, port, database; never the password) and the
/// command exits non-zero.
final class PostgresConnection {
    private let handle: OpaquePointer

    init(url: String) throws {
        let target = PostgresTarget(url: url)
        guard let handle = PQconnectdb(url) else { throw DatabaseLocationError("\(target): libpq could not allocate a connection") }
        guard PQstatus(handle) == CONNECTION_OK else {
            let reason = Self.firstLine(String(cString: PQerrorMessage(handle)))
            PQfinish(handle)
            throw DatabaseLocationError("cannot reach \(target): \(reason)")
        }
        self.handle = handle
    }

    deinit { PQfinish(handle) }

    /// The server's version as libpq reports it (150018 for 15.18).
    var serverVersion: Int32 { PQserverVersion(handle) }

    /// libpq's messages span lines ("connection to server at … failed: Connection refused\n\tIs
    /// the server running …"); the first says what happened.
    static func firstLine(_ message: String) -> String {
        message.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? "no reason given"
    }
}

/// The PostgreSQL store, as far as it goes (issue 18, first step): the server is reached and
/// named, then refused plainly — the tables, migrations and transactions that would serve it are
/// not built yet, and nothing is half-done against it.
public enum PostgresStore {
    public static func open(url: String) throws -> Never {
        let connection = try PostgresConnection(url: url)
        let version = connection.serverVersion
        throw DatabaseLocationError("reached \(PostgresTarget(url: url)) (server \(version / 10000).\(version % 10000)), but this build "
                                    + "stores only in SQLite: the PostgreSQL store is not complete yet; give --db a SQLite file path")
    }
}
