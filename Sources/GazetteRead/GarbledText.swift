import GazetteNormalise

/// The part of a page's text layer that decodes to something that is not
/// language, per font (and per run of glyphs where only part of a font's
/// text is): what `GarbledTextDetector` found.
public struct GarbledText: Hashable, Sendable {
    /// How a font's text fails to be language.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Glyphs drawn with no Unicode mapping at all.
        case noUnicode
        /// Code points of scripts the document is not written in
        /// (character ids read as Unicode: Devanagari, Telugu, Cyrillic … between CJK).
        case foreignScript
        /// Private-use code points (equation and symbol fonts).
        case privateUse
        /// ASCII punctuation and letters a custom encoding numbers a CJK
        /// font's glyphs with (`!"#$%&'()`).
        case asciiSoup
        /// Valid ideographs, but mostly rare ones (翊 鯤 鯓 for every word):
        /// a ToUnicode map pointing at the wrong characters.
        case rareIdeographs

        /// Said in a warning.
        public var description: String {
            switch self {
            case .noUnicode: return "glyphs without Unicode"
            case .foreignScript: return "code points of scripts the text is not in"
            case .privateUse: return "private-use code points"
            case .asciiSoup: return "ASCII punctuation of a custom encoding"
            case .rareIdeographs: return "implausible (rare) ideographs"
            }
        }
    }

    /// A font whose text on the page, or a run of it, is garbled.
    public struct Font: Hashable, Sendable {
        /// Index into `Page.fonts`.
        public var index: Int
        public var name: String
        public var kind: Kind
        /// Garbled glyphs of the font (unmapped ones included).
        public var glyphs: Int
        /// True when all the font's text on the page is garbled; false
        /// when only runs of it are.
        public var wholeFont: Bool
        /// The first few garbled characters, as decoded.
        public var sample: String

        public init(index: Int, name: String, kind: Kind, glyphs: Int, wholeFont: Bool, sample: String) {
            self.index = index
            self.name = name
            self.kind = kind
            self.glyphs = glyphs
            self.wholeFont = wholeFont
            self.sample = sample
        }
    }

    public var fonts: [Font]
    /// The garbled glyphs of `Page.glyphs`, as sorted, disjoint index ranges.
    public var runs: [Range<Int>]
    /// Garbled glyphs, unmapped ones included.
    public var garbledGlyphs: Int
    /// The page's text glyphs (not whitespace, unmapped ones included).
    public var textGlyphs: Int

    public init(fonts: [Font], runs: [Range<Int>], garbledGlyphs: Int, textGlyphs: Int) {
        self.fonts = fonts
        self.runs = runs
        self.garbledGlyphs = garbledGlyphs
        self.textGlyphs = textGlyphs
    }

    /// The garbled part of the page's text glyphs.
    public var share: Double { textGlyphs == 0 ? 0 : Double(garbledGlyphs) / Double(textGlyphs) }

    /// True when most of the page's text is garbled (it is read by OCR
    /// whole rather than in part).
    public var isMostOfPage: Bool { share >= GarbledTextDetector.mostOfPage }

    /// True when glyph `index` of the page is garbled.
    public func contains(glyph index: Int) -> Bool {
        var low = 0, high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if runs[mid].upperBound <= index { low = mid + 1 } else { high = mid }
        }
        return low < runs.count && runs[low].contains(index)
    }

    /// True when unmapped glyphs of font `index` are garbled text.
    public func containsUnmapped(font index: Int) -> Bool {
        fonts.contains { $0.index == index && $0.wholeFont }
    }
}

/// Finds text a page's text layer decodes to that is not language, per
/// font and per run, from what each character says (`LanguageEvidence`,
/// the vocabulary of `GazetteNormalise`). One pass over the glyphs: every
/// page is checked as it is read, so born-digital documents pay nothing
/// that shows.
///
/// A font is garbled on a page when at least `minimumGlyphs` of its glyphs
/// are evidence against language (no Unicode, a foreign script, private
/// use) and they are at least `garbledShare` of those with evidence either
/// way; when at least `minimumIdeographs` of its ideographs are, for at
/// least `rareShare` of them, rare; or when its ASCII is a custom
/// encoding's (`isASCIISoup`); but not a font of private-use symbols set
/// one or two at a time between other fonts' text (`maximumSymbolRun`). In
/// a font that is sound as a whole, a run of at least `minimumRun`
/// consecutive glyphs of a foreign script or private use is garbled on its
/// own.
public enum GarbledTextDetector {
    public static let minimumGlyphs = 4
    public static let garbledShare = 0.5
    public static let minimumIdeographs = 8
    public static let rareShare = 0.5
    public static let minimumRun = 3
    /// ASCII glyphs a font needs before its ASCII can be called a custom encoding's.
    public static let minimumASCII = 10
    /// A glyph at least this wide (in ems) is a CJK glyph's box: ASCII
    /// drawn that wide is a CJK font's glyph numbered by a custom encoding.
    public static let wideASCII = 0.85
    /// The share of a font's ASCII that is that wide.
    public static let wideASCIIShare = 0.6
    /// The share of garbled text glyphs above which a page is read by OCR whole.
    public static let mostOfPage = 0.5
    /// A private-use font whose glyphs never run longer than this is a
    /// font of symbols, not garbled text.
    public static let maximumSymbolRun = 2

    /// What a font's glyphs on the page say.
    struct Tally {
        var language = 0, ideographs = 0, rare = 0, foreign = 0, privateUse = 0, unmapped = 0
        var ascii = 0, wideASCII = 0
        /// ASCII punctuation seen (a bit per code point below 0x80).
        var punctuation: (UInt64, UInt64) = (0, 0)
        var text = 0
        var sample = ""
        var sampled = 0

        var against: Int { foreign + privateUse + unmapped }
        var distinctPunctuation: Int { punctuation.0.nonzeroBitCount + punctuation.1.nonzeroBitCount }

        /// How the font's text is garbled, if it is.
        var kind: GarbledText.Kind? {
            let d = GarbledTextDetector.self
            if against >= d.minimumGlyphs, Double(against) >= d.garbledShare * Double(against + language) {
                let most = max(unmapped, foreign, privateUse)
                return most == unmapped ? .noUnicode : most == foreign ? .foreignScript : .privateUse
            }
            if ideographs >= d.minimumIdeographs, Double(rare) >= d.rareShare * Double(ideographs) { return .rareIdeographs }
            if isASCIISoup { return .asciiSoup }
            return nil
        }

        /// Most of the font's text is ASCII drawn as wide as CJK, with
        /// punctuation among it: a CJK font whose glyphs a custom encoding
        /// numbers from `!`.
        var isASCIISoup: Bool {
            let d = GarbledTextDetector.self
            return ascii >= d.minimumASCII && Double(ascii) >= 0.8 * Double(text)
                && Double(wideASCII) >= d.wideASCIIShare * Double(ascii) && distinctPunctuation >= 3
        }
    }

    /// The garbled text of a page's glyphs (and of its glyphs without
    /// Unicode), or nil when its text layer is sound.
    public static func detect(glyphs: [Glyph], unmapped: [UnmappedGlyph], fonts: [FontInfo]) -> GarbledText? {
        guard !glyphs.isEmpty || !unmapped.isEmpty else { return nil }
        // Per font index, mutated in place (no dictionary or copy per glyph).
        let fontCount = max(fonts.count, (glyphs.map(\.font).max() ?? -1) + 1, (unmapped.map(\.font).max() ?? -1) + 1)
        var tallies = [Tally](repeating: Tally(), count: fontCount)
        // Runs of consecutive glyphs of a foreign script or private use,
        // per font (a run ends at a glyph of the font with other evidence).
        var openRun: [Int: Range<Int>] = [:]
        var runs: [(font: Int, glyphs: Range<Int>)] = []
        var textGlyphs = unmapped.count
        for (index, glyph) in glyphs.enumerated() where !glyph.isOCR {
            let first = CharacterClass.firstScalar(glyph.text)
            if CharacterClass.isSpace(first) || first == 0 { continue }
            textGlyphs += 1
            guard glyph.font >= 0 else { continue }
            let f = glyph.font
            tallies[f].text += 1
            if tallies[f].sampled < 12 {
                tallies[f].sample += glyph.text
                tallies[f].sampled += 1
            }
            var against = false
            switch CharacterClass.evidence(first) {
            case .language:
                tallies[f].language += 1
                if first >= 0x2E80 { tallies[f].ideographs += 1 }
            case .rareIdeograph:
                tallies[f].rare += 1
                tallies[f].ideographs += 1
            case .foreignScript:
                tallies[f].foreign += 1
                against = true
            case .privateUse:
                tallies[f].privateUse += 1
                against = true
            case .asciiPunctuation:
                if first < 64 { tallies[f].punctuation.0 |= 1 << UInt64(first) } else { tallies[f].punctuation.1 |= 1 << UInt64(first - 64) }
            case .neutral:
                break
            }
            if first < 0x80 {
                tallies[f].ascii += 1
                if glyph.size > 0, glyph.box.width >= wideASCII * glyph.size, glyph.angle == 0 { tallies[f].wideASCII += 1 }
            }
            if against {
                if let run = openRun[glyph.font], run.upperBound == index { openRun[glyph.font] = run.lowerBound..<(index + 1) }
                else {
                    if let run = openRun[glyph.font] { runs.append((glyph.font, run)) }
                    openRun[glyph.font] = index..<(index + 1)
                }
            } else if !openRun.isEmpty, let run = openRun.removeValue(forKey: glyph.font) {
                runs.append((glyph.font, run))
            }
        }
        for (font, run) in openRun { runs.append((font, run)) }
        for glyph in unmapped where glyph.font >= 0 {
            tallies[glyph.font].unmapped += 1
        }

        var found: [GarbledText.Font] = []
        var garbledRuns: [Range<Int>] = []
        var garbled = 0
        func name(_ font: Int) -> String { fonts.indices.contains(font) ? fonts[font].name : "" }
        // Per font, the longest run of its private-use or foreign glyphs.
        var longestRun = [Int](repeating: 0, count: fontCount)
        for (font, run) in runs where font >= 0 && font < fontCount { longestRun[font] = max(longestRun[font], run.count) }
        var wholeFonts = Set<Int>()
        for (font, tally) in tallies.enumerated() {
            guard let kind = tally.kind else { continue }
            // Private-use glyphs set one or two at a time between text of
            // other fonts are symbols (an exam's option markers Ⓐ…Ⓓ, an
            // equation's signs), which no OCR reads better: not garbled text.
            if kind == .privateUse, tally.unmapped == 0, longestRun[font] <= maximumSymbolRun { continue }
            wholeFonts.insert(font)
            let count = tally.text + tally.unmapped
            garbled += count
            found.append(GarbledText.Font(index: font, name: name(font), kind: kind, glyphs: count, wholeFont: true,
                                          sample: tally.sample))
        }
        // The whole font's glyphs, as runs of consecutive glyphs.
        if !wholeFonts.isEmpty {
            var start: Int?
            for (index, glyph) in glyphs.enumerated() {
                let isText = !glyph.isOCR && !CharacterClass.isBlank(glyph.text)
                if wholeFonts.contains(glyph.font) && isText {
                    if start == nil { start = index }
                } else if let s = start, !(wholeFonts.contains(glyph.font) && !isText) {
                    garbledRuns.append(s..<index)
                    start = nil
                }
            }
            if let s = start { garbledRuns.append(s..<glyphs.count) }
        }
        // Runs in fonts that are sound as a whole.
        var runGlyphs: [Int: (count: Int, kind: GarbledText.Kind, sample: String)] = [:]
        for (font, run) in runs where !wholeFonts.contains(font) && run.count >= minimumRun {
            garbledRuns.append(run)
            garbled += run.count
            let pua = run.filter { CharacterClass.evidence(CharacterClass.firstScalar(glyphs[$0].text)) == .privateUse }.count
            var entry = runGlyphs[font] ?? (0, pua * 2 >= run.count ? .privateUse : .foreignScript, "")
            entry.count += run.count
            if entry.sample.unicodeScalars.count < 12 { entry.sample += run.map { glyphs[$0].text }.joined() }
            runGlyphs[font] = entry
        }
        for (font, entry) in runGlyphs {
            found.append(GarbledText.Font(index: font, name: name(font), kind: entry.kind, glyphs: entry.count,
                                          wholeFont: false, sample: String(entry.sample.prefix(12))))
        }
        guard !found.isEmpty else { return nil }
        garbledRuns.sort { $0.lowerBound < $1.lowerBound }
        return GarbledText(fonts: found.sorted { $0.index < $1.index }, runs: garbledRuns, garbledGlyphs: garbled,
                           textGlyphs: textGlyphs)
    }
}
