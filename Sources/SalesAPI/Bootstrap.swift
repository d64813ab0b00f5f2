import SalesCore
import SalesStore

/// docs/api.md §2: with SALES_BOOTSTRAP_KEY an admin key with that secret exists; on an empty
/// database without it, an admin key is created and its secret returned to be printed once.
public enum Bootstrap {
    public enum Outcome: Equatable {
        case existing
        case ensured(id: Int64)
        case created(id: Int64, secret: String)
    }

    public static func ensureAdminKey(_ database: any SalesStorage, bootstrapSecret: String?) throws -> Outcome {
        try database.writeNow { db in
            if let secret = bootstrapSecret, !secret.isEmpty {
                let hash = APIKeys.hash(secret)
                if try APIKeyStore.hashExists(db, hash: hash) { return .existing }
                let record = try APIKeyStore.create(db, name: "bootstrap", role: .admin, salesRepId: nil, hash: hash,
                                                    prefix: APIKeys.prefix(secret))
                return .ensured(id: record.id)
            }
            guard try APIKeyStore.count(db) == 0 else { return .existing }
            let secret = APIKeys.generate()
            let record = try APIKeyStore.create(db, name: "initial admin", role: .admin, salesRepId: nil,
                                                hash: APIKeys.hash(secret), prefix: APIKeys.prefix(secret))
            return .created(id: record.id, secret: secret)
        }
    }
}
