/// The version of gazette, written into every document (`tool.version`), so
/// that a batch can tell outputs made by another version.
public enum GazetteVersion {
    public static let current = "0.1.0"
}
