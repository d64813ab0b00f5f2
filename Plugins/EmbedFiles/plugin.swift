import Foundation
import PackagePlugin

/// Embeds text files in a target at build time (issue 17 item 4): SalesAPI gets docs/openapi.yaml
/// (served as /openapi.json) and Console/ (served under /console/, issue 19), SalesStore gets migrations/*.sql and migrations/postgresql/*.sql. The generated Swift lives in the
/// build directory, so nothing generated is committed and nothing can drift. SwiftPM's
/// `.embedInCode` was measured first: it writes byte-array literals, which took 53 s to compile
/// for these ~190 KB; this plugin's string literals take about 3 s.
@main struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let inputs: [URL]
        switch target.name {
        case "SalesAPI":
            // The spec (served as /openapi.json) and the console's static files (served under /console/).
            inputs = [root.appending(path: "docs/openapi.yaml")] + consoleFiles(under: root.appending(path: "Console"))
        case "SalesStore":
            // SQLite's migrations/*.sql and PostgreSQL's migrations/postgresql/*.sql
            inputs = try ["migrations", "migrations/postgresql"].flatMap { path in
                let folder = root.appending(path: path)
                return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
                    .map { folder.appending(path: $0) }
            }
        default:
            throw EmbedFilesError(message: "EmbedFiles does not know what to embed in target \(target.name)")
        }
        let script = root.appending(path: "scripts/embed-files.sh")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [.buildCommand(displayName: "Embedding \(inputs.count) file(s) in \(target.name)", executable: URL(filePath: "/bin/sh"),
                              arguments: [script.path, output.path, root.path] + inputs.map(\.path),
                              inputFiles: inputs + [script], outputFiles: [output])]
    }
}

/// Every file below the console's folder, in a stable order (its HTML, CSS and JavaScript modules).
func consoleFiles(under folder: URL) -> [URL] {
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
    return walker.compactMap { $0 as? URL }
        .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        .sorted { $0.path < $1.path }
}

struct EmbedFilesError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
