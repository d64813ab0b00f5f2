/// The release of the server and of its API description: `sales-server --version` prints it and
/// docs/openapi.yaml's `info.version` must say the same (OpenAPITests checks it).
public enum ServerVersion {
    public static let current = "0.5.0"
}
