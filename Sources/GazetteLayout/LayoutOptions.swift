/// Thresholds of the layout analysis. Distances are in em (multiples of
/// the font size) unless named otherwise; the defaults suit Taiwanese
/// government documents.
public struct LayoutOptions: Hashable, Sendable {
    /// A gap wider than this (in em, beyond a spaced-out title's own letter
    /// spacing) cuts a line into segments.
    public var segmentGap: Double = 2.0
    /// A gap between two glyphs of Latin words or numbers wider than this
    /// (in em) is a space.
    public var latinSpace: Double = 0.15
    /// A gap next to a CJK glyph wider than this (in em, beyond the line's
    /// letter spacing) is a space; narrower gaps are justification.
    public var wideSpace: Double = 1.0
    /// Glyphs within this many degrees of 0, 90, 180 or 270 are text;
    /// others are watermarks.
    public var angleTolerance: Double = 2.5
    /// Faint lines at least this many times the page's body font size are watermarks.
    public var watermarkSize: Double = 1.8
    /// Height of the top and bottom bands, as a fraction of the page height,
    /// where running headers and footers are looked for.
    public var headerBand: Double = 0.15
    public var footerBand: Double = 0.12
    /// How many pages before and after a page are compared to find running
    /// headers and footers; also how many pages `DocumentLayoutBuilder`
    /// holds back.
    public var window: Int = 2

    public init() {}
}
