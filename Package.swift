// swift-tools-version: 6.0
// gazette: official Taiwanese government PDFs in, typed and validated JSON out.
//
// Stages (one target each, data flows one way):
//   GazetteRead -> GazetteLayout (+ GazetteTables) -> GazetteNormalise -> GazetteRecords -> GazetteEmit
// composed by the `Gazette` library and driven by the `gazette` executable.
import PackageDescription

let package = Package(
    name: "gazette",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Gazette", targets: ["Gazette"]),
        .executable(name: "gazette", targets: ["GazetteCLI"]),
        .executable(name: "gazette-bench", targets: ["GazetteBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The ZIP archive of .xlsx workbooks (deflate through zlib).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // System libraries (Debian packages, installed by scripts/bootstrap).
        .systemLibrary(
            name: "CPoppler", pkgConfig: "poppler",
            providers: [.apt(["libpoppler-private-dev"])]),
        // GLib: SHA-256 of every input file (a dependency of poppler-glib, two shared libraries).
        .systemLibrary(
            name: "CGLib", pkgConfig: "glib-2.0",
            providers: [.apt(["libglib2.0-dev"])]),
        // poppler-glib and cairo, for the tests only (synthetic images and PDFs): gazette loads
        // them at run time, when a page is rendered (RenderShim).
        .systemLibrary(
            name: "CPopplerGlib", pkgConfig: "poppler-glib cairo",
            providers: [.apt(["libpoppler-glib-dev", "libcairo2-dev"])]),
        .systemLibrary(
            name: "CICU", pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]),
        // SQLite databases of `--format sqlite` (see the README: why not GRDB).
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),

        // Small C/C++ shims whose public headers include no library header.
        .target(name: "PopplerShim", dependencies: ["CPoppler"]),
        .target(name: "ICUShim", dependencies: ["CICU"]),
        // Tesseract and Leptonica (OCRShim), poppler-glib and cairo (RenderShim) are not linked:
        // each shim loads its libraries with dlopen the first time a page needs them, so that
        // a born-digital document never maps them (about 30 ms of start-up per process).
        // Their headers are found in /usr/include without pkg-config.
        .target(name: "LibraryLoader"),
        .target(name: "OCRShim", dependencies: ["LibraryLoader"]),
        .target(name: "RenderShim", dependencies: ["LibraryLoader"]),

        // The stages.
        .target(name: "GazetteRead", dependencies: ["PopplerShim", "CGLib", "GazetteNormalise"]),
        // Read stage, for pages without a text layer: Tesseract OCR into the same `Page` model.
        .target(name: "GazetteOCR", dependencies: ["GazetteRead", "OCRShim", "RenderShim"]),
        .target(name: "GazetteNormalise", dependencies: ["ICUShim"]),
        .target(name: "GazetteLayout", dependencies: ["GazetteRead", "GazetteNormalise"]),
        .target(name: "GazetteTables", dependencies: ["GazetteRead", "GazetteLayout", "GazetteNormalise"]),
        .target(name: "GazetteRecords", dependencies: ["GazetteRead", "GazetteLayout", "GazetteTables", "GazetteNormalise"]),
        .target(
            name: "GazetteEmit",
            dependencies: [
                "GazetteRead", "GazetteTables", "GazetteNormalise", "GazetteRecords", "CSQLite",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),

        // The pipeline library and the command-line tool.
        .target(
            name: "Gazette",
            dependencies: [
                "GazetteRead", "GazetteOCR", "GazetteLayout", "GazetteTables", "GazetteNormalise", "GazetteRecords",
                "GazetteEmit",
            ]),
        // Scoring against truth written from page images (tables by adjacency F1, records field by field):
        // shared by the end-to-end tests and gazette-bench.
        .target(name: "GazetteScoring", dependencies: ["Gazette"]),
        // Batch conversion: worker processes, resumable runs, shards.
        .target(name: "GazetteBatch", dependencies: ["Gazette"]),
        .executableTarget(
            name: "GazetteCLI",
            dependencies: [
                "Gazette", "GazetteBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Speed and memory, measured against poppler's floor and a peer.
        .executableTarget(
            name: "GazetteBench",
            dependencies: ["Gazette", "GazetteScoring", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Unit tests per stage, end-to-end tests on real PDFs.
        .target(name: "GazetteTestSupport", path: "Tests/GazetteTestSupport"),
        .testTarget(name: "GazetteReadTests", dependencies: ["GazetteRead", "GazetteTestSupport"]),
        .testTarget(name: "GazetteOCRTests", dependencies: ["GazetteOCR", "GazetteTestSupport", "CPopplerGlib"]),
        .testTarget(name: "GazetteNormaliseTests", dependencies: ["GazetteNormalise"]),
        .testTarget(name: "GazetteLayoutTests", dependencies: ["GazetteLayout", "GazetteNormalise"]),
        .testTarget(name: "GazetteTablesTests", dependencies: ["GazetteTables", "GazetteTestSupport"]),
        .testTarget(name: "GazetteRecordsTests", dependencies: ["GazetteRecords", "GazetteTables", "GazetteNormalise", "GazetteRead"]),
        .testTarget(
            name: "GazetteEmitTests",
            dependencies: [
                "GazetteEmit", "GazetteRead", "GazetteRecords", "GazetteTables", "GazetteNormalise",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["Gazette", "GazetteCLI", "GazetteScoring", "GazetteTestSupport", "CPopplerGlib"],
            // The Python scripts that read outputs back as an analyst would.
            exclude: ["python"]),
        .testTarget(name: "GazetteBatchTests", dependencies: ["GazetteBatch", "GazetteCLI", "GazetteTestSupport"]),
    ],
    cxxLanguageStandard: .cxx17
)
