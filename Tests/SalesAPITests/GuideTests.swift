import Foundation
import Testing

/// Issue 15 item 3: the API guide lives in the repository, and every place that cites it points
/// at something it says. A citation `docs/api.md §N` must name a section the guide has, and
/// `§N "Name"` a heading of that section or a topic of its conventions table.
@Suite struct APIGuide {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every tracked text file that may cite the guide.
    static func citingFiles() throws -> [String] {
        var files: [String] = []
        for folder in ["Sources", "Tests", "scripts", "docs", "Benchmarks", "Fuzz", "Clients"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where ["swift", "py", "sh", "md", "yaml"].contains(url.pathExtension)
                && !url.path.contains("/.build") {
                files.append(String(url.path.dropFirst(root.path.count + 1)))
            }
        }
        return files + ["README.md", "Makefile"]
    }

    @Test func everyCitationNamesAPlaceTheGuideHas() throws {
        let guide = try Self.text("docs/api.md")
        // Section number → its headings and, for §1, its table topics.
        var names: [Int: [String]] = [:]
        var section = -1
        for line in guide.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## "), let n = Int(line.dropFirst(3).prefix(while: { $0.isNumber })) {
                section = n
                names[n, default: []].append(String(line.dropFirst(3)))
            } else if line.hasPrefix("### ") {
                names[section, default: []].append(String(line.dropFirst(4)))
            } else if line.hasPrefix("| "), let topic = line.dropFirst(2).split(separator: "|").first {
                names[section, default: []].append(topic.trimmingCharacters(in: .whitespaces))
            }
        }
        #expect(Set(names.keys) == [0, 1, 2, 3, 4])
        let citation = try Regex(#"docs/api\.md §(\d+)(?: "([^"\n]+)")?"#)
        var count = 0
        for file in try Self.citingFiles() where file != "docs/api.md" && file != "Tests/SalesAPITests/GuideTests.swift" {
            let content = try Self.text(file)
            // The guide used to be outside the repository, as ../shared/API.md.
            #expect(!content.contains("shared/API.md"), "\(file) links the old contract")
            for match in content.matches(of: citation) {
                count += 1
                let n = Int(match.output[1].substring!)!
                guard let known = names[n] else {
                    Issue.record("\(file) cites docs/api.md §\(n), which the guide does not have")
                    continue
                }
                if let quoted = match.output[2].substring {
                    #expect(known.contains { $0.hasPrefix(quoted) || $0.hasPrefix("`\(quoted)`") },
                            "\(file) cites docs/api.md §\(n) \"\(quoted)\", not a heading or topic of §\(n)")
                }
            }
        }
        #expect(count > 150, "only \(count) citations found: the scan is broken")
    }

    @Test func theReadmeLinksTheGuideAndTheOperationalRoutes() throws {
        let readme = try Self.text("README.md")
        for link in ["(docs/api.md)", "/openapi.json", "/metrics", "/readyz", "`admin`", "`sales`", "`warehouse`", "`accounting`", "`readonly`"] {
            #expect(readme.contains(link), "README does not mention \(link)")
        }
    }
}
