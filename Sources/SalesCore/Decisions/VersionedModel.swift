/// A resource with an id and a version (docs/api.md §1 "versions": 1, then +1 per change).
public protocol VersionedModel: Sendable, Equatable {
    var id: Int64 { get }
    var version: Int64 { get }
}

extension Customer: VersionedModel {}
extension Product: VersionedModel {}
extension TaxRate: VersionedModel {}
extension SalesRep: VersionedModel {}
