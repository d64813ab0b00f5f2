import Foundation
import Testing

/// Issue 16 item 1, docs/api.md §1 "money": no sum on money or quantities outside the checked
/// operations. A sum grows without bound only where it accumulates — `reduce` with `+`, `+=` /
/// `-=`, and SQL that adds to a running total — so this scan of the sources finds every such place
/// on money or quantities and requires it to go through `Money.add`/`Money.sum`/`CheckedSums`, or
/// to say on the line or the one above, as `// bounded: …`, what bounds it. (Differences and sums
/// of a few values already within their bounds — ±10^18 — fit in Int64 and are not listed.)
@Suite struct ArithmeticRule {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var money: Regex<AnyRegexOutput> {
        try! Regex(#"(?i)(amount|total|subtotal|\btax|debit|credit|receivable|balance|price|quantit|thousandths|due|paid|allocated|sum|exposure|onhand|reserved|reopened|stock)"#)
    }

    static func sources() throws -> [(path: String, lines: [String])] {
        var out: [(path: String, lines: [String])] = []
        for folder in ["Sources/SalesCore", "Sources/SalesStore", "Sources/SalesAPI"] {
            let base = root.appendingPathComponent(folder)
            for case let url as URL in FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)!
            where url.pathExtension == "swift" && !url.lastPathComponent.hasPrefix("Embedded") {
                let text = try String(contentsOf: url, encoding: .utf8)
                out.append((path: String(url.path.dropFirst(root.path.count + 1)), lines: text.components(separatedBy: "\n")))
            }
        }
        return out.sorted { (a: (path: String, lines: [String]), b: (path: String, lines: [String])) in a.path < b.path }
    }

    static func justified(_ lines: [String], _ i: Int) -> Bool {
        let here = lines[i], above = i > 0 ? lines[i - 1] : ""
        return here.contains("Money.") || here.contains("CheckedSums.") || here.contains("bounded:") || above.contains("bounded:")
    }

    @Test func everyAccumulationOfMoneyOrQuantityIsCheckedOrBounded() throws {
        let reduce = try Regex(#"\.reduce\(.*\)\s*\{[^}]*\+"#)
        let compound = try Regex(#"([A-Za-z_][\w.\[\], :]*?)\s*[+-]=\s"#)
        let sqlRunningTotal = try Regex(#"(\w+)\s*=\s*(\w+)\s*[+-]\s*\?"#)
        var unchecked: [String] = []
        var scanned = 0
        for (path, lines) in try Self.sources() {
            for (i, line) in lines.enumerated() {
                let code = line.components(separatedBy: "//")[0]
                scanned += 1
                var flagged = false
                if code.contains(reduce) && code.contains(Self.money) { flagged = true }
                if let m = code.firstMatch(of: compound), String(m.output[1].substring ?? "").contains(Self.money) { flagged = true }
                // SQL adding to a running total: only inside a conditional UPDATE that bounds it (BETWEEN within 3 lines).
                if let m = line.firstMatch(of: sqlRunningTotal), m.output[1].substring == m.output[2].substring,
                   ["receivable", "credit_balance", "open_orders_amount", "on_hand"].contains(String(m.output[1].substring ?? "")),
                   !lines[i..<min(lines.count, i + 3)].contains(where: { $0.contains("BETWEEN") }) {
                    unchecked.append("\(path):\(i + 1): running total without its bound: \(line.trimmingCharacters(in: .whitespaces))")
                }
                if flagged && !Self.justified(lines, i) {
                    unchecked.append("\(path):\(i + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(scanned > 5_000, "only \(scanned) lines scanned: the scan is broken")
        #expect(unchecked.isEmpty, "unchecked sums on money or quantities:\n\(unchecked.joined(separator: "\n"))")
    }

    /// The scan finds what it is for: the trap of issue 16 finding 1, written the old way.
    @Test func theScanCatchesTheOriginalTrap() throws {
        let reduce = try Regex(#"\.reduce\(.*\)\s*\{[^}]*\+"#)
        let old = "        let sum = requested.reduce(Int64(0)) { $0 + $1.amount }"
        #expect(old.contains(reduce) && old.contains(Self.money) && !Self.justified([old], 0))
        let compound = try Regex(#"([A-Za-z_][\w.\[\], :]*?)\s*[+-]=\s"#)
        let journal = "                            debit += l.debit"
        let target = journal.firstMatch(of: compound).map { String($0.output[1].substring ?? "") } ?? ""
        #expect(target.contains(Self.money))
    }
}
