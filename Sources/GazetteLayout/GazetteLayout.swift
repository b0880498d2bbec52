// The GazetteLayout stage: a page's glyphs and rulings (GazetteRead) in;
// its text lines, paragraphs in reading order, page furniture, watermarks
// and the document's outline out. The text is raw: spacing is decided here,
// character folding (width, compatibility ideographs, ︵ ...) is left to
// GazetteNormalise.
//
// Entry points
//   PageLayout(page:)        one page on its own (page number found, no
//                            running headers, no headings)
//   DocumentLayoutBuilder    a document streamed page by page: add(page)
//                            returns finished layouts `window` pages later,
//                            finish() returns the last ones with the outline
//                            and the table of contents
//
// The model (see Model.swift)
//   TextLine   one segment: glyphs along one baseline with no gap wider
//              than ~2 em and no ruling between them. Segments of the same
//              visual line share `row`, so table cells and columns stay
//              apart while the row can still be rebuilt.
//   TextBlock  a paragraph of segments, in reading order; a numbered line
//              always starts one.
//   Furniture  page numbers, running headers and footers (kept out of the
//              blocks, kept in `lines`).
//
// How it works, per page (PageAnalysis, LineBuilder, Blocks)
//   1. Glyphs are sorted into directions by angle (horizontal, vertical
//      writing, rotated ±90°, upside down; anything else is a watermark)
//      and chained into runs in content-stream order; runs are grouped into
//      rows by overlap across the line (a superscript joins its line, a
//      line of small text does not join a much taller glyph); each row is
//      sorted along once and cut into segments at wide gaps and rulings.
//      Spaces: between Latin letters or digits when the gap is over 0.15 em
//      (or a space glyph was drawn there); next to a CJK glyph only when
//      the gap stands out by more than an em from the segment's own letter
//      spacing, so justified and spaced-out Chinese stays unspaced.
//   2. Areas enclosed by rulings (two cells or more) are regions: tables.
//   3. Lines join the block above them when they overlap it, keep its line
//      pitch, size and weight, have no ruling between them and the line
//      above did not stop short (the next word would have fitted: end of
//      paragraph). In a bordered cell the line above must fill the cell;
//      narrow segments of multi-segment rows (tables without borders) and
//      amounts stacked in a column stay apart.
//   4. Reading order is a recursive XY cut over blocks and regions: bands
//      first, then columns (right to left for vertical writing), except that
//      columns of running text are read whole even when their paragraph
//      breaks line up.
//
// Per document (DocumentLayoutBuilder, Outline)
//   Running headers and footers are lines in the top or bottom band whose
//   text (digits masked) recurs in the same band of one of the `window`
//   pages before or after. Headings are blocks outside regions and contents
//   pages that start with an outline marker and continue their style's
//   sequence; levels are assigned at the end by style rank among the
//   styles the document uses.
