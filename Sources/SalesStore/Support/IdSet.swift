/// Ids for `… IN (…)`, in one of a few shapes: padded with the last id to 1, 10, 50, 100 or 200
/// placeholders (a page holds at most 200, docs/api.md §1 "lists"), so that each query stays
/// prepared on its connection instead of one statement per count.
struct IdSet {
    let placeholders: String
    let arguments: SQLArguments

    init(_ ids: [Int64]) {
        precondition(!ids.isEmpty, "an IN list needs at least one id")
        let size = [1, 10, 50, 100, IdSet.maxCount].first { $0 >= ids.count } ?? ids.count
        let padded = ids + Array(repeating: ids[ids.count - 1], count: size - ids.count)
        placeholders = Array(repeating: "?", count: size).joined(separator: ", ")
        arguments = SQLArguments(padded.map { .integer($0) })
    }

    /// The largest IN list: more ids go in several.
    static let maxCount = 200

    /// `ids` without repeats, in order, as IN lists of at most `maxCount` (a document's lines
    /// name up to 500 products).
    static func chunks(_ ids: [Int64]) -> [IdSet] {
        var seen = Set<Int64>()
        let distinct = ids.filter { seen.insert($0).inserted }
        return stride(from: 0, to: distinct.count, by: maxCount).map { IdSet(Array(distinct[$0..<min($0 + maxCount, distinct.count)])) }
    }
}
