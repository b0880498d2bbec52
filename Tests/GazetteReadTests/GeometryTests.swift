import Testing
@testable import GazetteRead

@Suite struct GeometryTests {
    @Test func rectNormalisesCorners() {
        let r = Rect(x0: 10, y0: 20, x1: 0, y1: 5)
        #expect(r.x0 == 0 && r.x1 == 10 && r.y0 == 5 && r.y1 == 20)
        #expect(r.width == 10 && r.height == 15)
    }

    @Test func intersectionAndOverlap() {
        let a = Rect(x0: 0, y0: 0, x1: 10, y1: 10)
        let b = Rect(x0: 5, y0: 8, x1: 20, y1: 30)
        #expect(a.intersection(b) == Rect(x0: 5, y0: 8, x1: 10, y1: 10))
        #expect(a.verticalOverlap(b) == 2)
        #expect(a.horizontalOverlap(b) == 5)
        #expect(a.intersection(Rect(x0: 11, y0: 0, x1: 12, y1: 1)) == nil)
    }
}
