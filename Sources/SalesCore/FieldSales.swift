/// Sales reps, their shifts and activities (docs/api.md §3 "Sales reps, shifts and activities").

public struct SalesRep: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var email: String?
    public var phone: String?
    public var active: Bool
    public var metadata: Metadata
    public var version: Int64
    public var createdAt: String
    public var updatedAt: String
    /// The open shift, when clocked in.
    public var openShiftId: Int64?

    public init(id: Int64 = 0, name: String = "", email: String? = nil, phone: String? = nil, active: Bool = true, metadata: Metadata = [:],
                version: Int64 = 1, createdAt: String = "", updatedAt: String = "", openShiftId: Int64? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.active = active
        self.metadata = metadata
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.openShiftId = openShiftId
    }
}

/// A point on earth in degrees scaled by 10^7, kept exactly as given.
public struct GeoPoint: Sendable, Equatable {
    public var latitudeE7: Int64
    public var longitudeE7: Int64

    public init(latitudeE7: Int64, longitudeE7: Int64) {
        self.latitudeE7 = latitudeE7
        self.longitudeE7 = longitudeE7
    }
}

public struct Shift: Sendable, Equatable {
    public var id: Int64
    public var salesRepId: Int64
    public var clockInAt: String
    public var clockOutAt: String?
    public var durationSeconds: Int64?
    public var location: GeoPoint?
    public var clockInNote: String?
    public var clockOutNote: String?
    public var createdAt: String
    public var updatedAt: String

    public init(id: Int64, salesRepId: Int64, clockInAt: String, clockOutAt: String?, durationSeconds: Int64?, location: GeoPoint?,
                clockInNote: String?, clockOutNote: String?, createdAt: String, updatedAt: String) {
        self.id = id
        self.salesRepId = salesRepId
        self.clockInAt = clockInAt
        self.clockOutAt = clockOutAt
        self.durationSeconds = durationSeconds
        self.location = location
        self.clockInNote = clockInNote
        self.clockOutNote = clockOutNote
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

public enum ActivityType: String, Sendable, CaseIterable { case visit, call, email, meeting, note }

public struct Activity: Sendable, Equatable {
    public var id: Int64
    public var salesRepId: Int64
    public var customerId: Int64?
    public var type: ActivityType
    public var at: String
    public var notes: String?
    public var outcome: String?
    public var metadata: Metadata
    public var version: Int64
    public var createdAt: String
    public var updatedAt: String

    public init(id: Int64 = 0, salesRepId: Int64, customerId: Int64?, type: ActivityType, at: String, notes: String?, outcome: String?,
                metadata: Metadata, version: Int64 = 1, createdAt: String = "", updatedAt: String = "") {
        self.id = id
        self.salesRepId = salesRepId
        self.customerId = customerId
        self.type = type
        self.at = at
        self.notes = notes
        self.outcome = outcome
        self.metadata = metadata
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
