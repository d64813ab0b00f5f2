/// Optimistic concurrency (docs/api.md §1 "versions"): an `If-Match` version is
/// compared with the version read inside the write transaction that changes the resource.
public enum Versions {
    /// 412 version_conflict when the client expected another version; no expectation passes.
    public static func require(_ expected: Int64?, current: Int64) throws {
        if let expected, expected != current { throw SalesError.versionConflict(current: current) }
    }
}
