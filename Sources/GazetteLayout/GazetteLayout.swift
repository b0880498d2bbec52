// The GazetteLayout stage: a page's glyphs and rulings (GazetteRead) in,
// its text lines, paragraphs in reading order, page furniture, watermarks
// and the document's outline out.
//
// Entry points: `PageLayout(page:)` for one page on its own, and
// `DocumentLayoutBuilder` for a document streamed page by page (running
// headers and footers, headings, the outline). The text is raw: spacing is
// decided here, character folding is GazetteNormalise's job.
