#ifndef GAZETTE_POPPLER_H
#define GAZETTE_POPPLER_H
// The read stage's window on poppler: plain C types only, no poppler header.
//
// One pass over a page's content stream (poppler's Gfx driving our own
// OutputDev) collects its glyphs, its ruling lines and its image boxes
// together, so finding table borders costs no page rendering.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Why a document could not be opened.
typedef enum {
    GZ_OPEN_OK = 0,
    GZ_OPEN_FILE_ERROR = 1,     ///< the file could not be read
    GZ_OPEN_DAMAGED = 2,        ///< not a PDF, or damaged beyond repair
    GZ_OPEN_ENCRYPTED = 3,      ///< needs a password (none or a wrong one given)
    GZ_OPEN_OTHER = 4
} GZOpenStatus;

/// Glyph flags.
enum {
    GZ_GLYPH_INVISIBLE = 1,     ///< text render mode 3 (e.g. the OCR layer of a scan)
    GZ_GLYPH_VERTICAL = 2,      ///< drawn with a vertical-writing font
    GZ_GLYPH_ACTUALTEXT = 4,    ///< text replaced by a marked-content ActualText span
    GZ_GLYPH_FAKE_BOLD = 8      ///< drawn twice over itself, or filled and stroked (render mode 2)
};

/// One drawn glyph. Coordinates are points on the page as displayed
/// (rotation applied), origin top-left, y down.
typedef struct {
    uint32_t text_offset;       ///< first code point in the page's text buffer
    uint32_t text_length;       ///< number of code points (usually 1)
    uint32_t font;              ///< index into the page's font names
    uint32_t color;             ///< fill colour 0xRRGGBB
    float x0, y0, x1, y1;       ///< glyph box
    float size;                 ///< font size in points, as rendered
    float angle;                ///< baseline direction, degrees counter-clockwise
    float opacity;              ///< fill opacity 0...1
    uint32_t flags;             ///< GZ_GLYPH_*
} GZGlyph;

/// A horizontal (orientation 0) or vertical (1) segment: a stroked line or
/// a thin filled rectangle (source 1).
typedef struct {
    float position;             ///< y of a horizontal ruling, x of a vertical one
    float start, end;           ///< extent along the ruling
    float thickness;
    uint32_t color;
    uint8_t orientation;
    uint8_t source;
} GZRuling;

/// An axis-aligned box.
typedef struct {
    float x0, y0, x1, y1;
} GZBox;

typedef struct GZDocument GZDocument;
typedef struct GZPage GZPage;

/// Opens a PDF. `password` may be NULL; it is tried as both the user and the
/// owner password. On failure returns NULL, sets *status and writes a
/// message (UTF-8, NUL-terminated) into `message`.
GZDocument *gz_document_open(const char *path, const char *password, GZOpenStatus *status,
                             char *message, size_t message_capacity);
void gz_document_close(GZDocument *document);
int gz_document_page_count(GZDocument *document);
int gz_document_is_encrypted(GZDocument *document);
/// An Info-dictionary entry ("Title", "Producer", "Creator", "Author") as a
/// newly allocated UTF-8 string (free with gz_free), or NULL when absent.
char *gz_document_info(GZDocument *document, const char *key);
void gz_free(void *pointer);

/// Reads page `index` (0-based): glyphs, rulings, images. Returns NULL (and
/// a message) when the page cannot be read at all.
GZPage *gz_page_read(GZDocument *document, int index, char *message, size_t message_capacity);
void gz_page_free(GZPage *page);

double gz_page_width(const GZPage *page);
double gz_page_height(const GZPage *page);
int gz_page_rotation(const GZPage *page);
const GZGlyph *gz_page_glyphs(const GZPage *page, size_t *count);
const uint32_t *gz_page_text(const GZPage *page, size_t *count);
const GZRuling *gz_page_rulings(const GZPage *page, size_t *count);
const GZBox *gz_page_images(const GZPage *page, size_t *count);
const GZBox *gz_page_filled_boxes(const GZPage *page, size_t *count);
size_t gz_page_font_count(const GZPage *page);
const char *gz_page_font_name(const GZPage *page, size_t index);
/// Glyphs the font could not map to Unicode (not in the glyph list).
size_t gz_page_unmapped_glyphs(const GZPage *page);
/// Where those glyphs were drawn (those on the page): box, font and size;
/// their text is empty.
const GZGlyph *gz_page_unmapped_glyph_boxes(const GZPage *page, size_t *count);
/// Problems poppler reported while reading the page (syntax errors ...).
size_t gz_page_problem_count(const GZPage *page);
const char *gz_page_problem(const GZPage *page, size_t index);
/// Text-showing operators whose font could not be loaded (a CID font
/// without its CMap, a missing font resource): text the page has and that
/// could not be decoded.
size_t gz_page_undecoded_text_shows(const GZPage *page);
/// Character collections (Adobe-CNS1, Adobe-Japan1 …) whose CMap or
/// CID-to-Unicode table is not installed (poppler-data), so that text in
/// such a font on the page could not be decoded.
size_t gz_page_missing_collection_count(const GZPage *page);
const char *gz_page_missing_collection(const GZPage *page, size_t index);

#ifdef __cplusplus
}
#endif

#endif
