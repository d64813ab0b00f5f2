import SalesCore

/// API key secrets: "sk_" + 40 hex characters (160 random bits). Shown once; stored as SHA-256.
public enum APIKeys {
    public static func generate() -> String { "sk_" + Crypto.hex(Crypto.randomBytes(20)) }

    public static func hash(_ secret: String) -> [UInt8] { Crypto.sha256(secret) }

    /// What lists show instead of the secret.
    public static func prefix(_ secret: String) -> String { String(secret.prefix(9)) }
}
