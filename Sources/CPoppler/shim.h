// Intentionally empty: the module exists so that SwiftPM adds poppler's
// pkg-config flags to the targets that depend on it.
