import Foundation
import GazetteTestSupport
import Testing
@testable import GazetteRead

@Suite struct FileDigestTests {
    @Test func knownVectors() {
        #expect(FileDigest.sha256(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(FileDigest.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func fileMatchesInMemoryDigest() throws {
        let path = Fixtures.shared("pdfminer__simple3.pdf")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try FileDigest.sha256(path: path) == FileDigest.sha256(data))
    }
}
