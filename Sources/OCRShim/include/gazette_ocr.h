#ifndef GAZETTE_OCR_H
#define GAZETTE_OCR_H
// Public header of the OCR shim: plain C types only, no Tesseract or
// Leptonica header, so that no Swift module sees them. Images are 8-bit
// grey (0 black, 255 white), rows `stride` bytes apart; every box and
// position is in pixels of the image as read (after the turn and the
// deskew the shim applied), origin at the top-left corner, y growing down.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Loads Tesseract and Leptonica if they are not loaded yet (they are not
/// linked: a born-digital document never maps them). 1 when they are; 0
/// with the reason in `message` otherwise. Every function below that needs
/// them calls it; gz_ocr_engine_new gives its reason.
int gz_ocr_load(char *message, size_t capacity);

/// Tesseract's version ("5.3.0"), or "unavailable" when it cannot be loaded.
const char *gz_ocr_tesseract_version(void);
/// Leptonica's version ("1.82.0"), or "unavailable"; a static buffer.
const char *gz_ocr_leptonica_version(void);

/// A Tesseract engine for one set of languages (opaque). Not thread-safe:
/// one engine per thread.
typedef struct gz_ocr_engine gz_ocr_engine;

/// Opens an engine for `languages` ("chi_tra+eng"), with trained data from
/// `datapath` (NULL: TESSDATA_PREFIX or Tesseract's default). On failure
/// returns NULL and writes the reason to `message`.
gz_ocr_engine *gz_ocr_engine_new(const char *datapath, const char *languages,
                                 char *message, size_t capacity);
void gz_ocr_engine_free(gz_ocr_engine *engine);

/// What `gz_ocr_read` does besides recognising text.
enum {
    /// Detect the page's orientation (Tesseract's OSD) and turn it upright.
    GZ_OCR_ORIENT = 1,
    /// Find and correct a small skew (Leptonica).
    GZ_OCR_DESKEW = 2,
    /// Find long horizontal and vertical runs (table borders, rules) and
    /// return them as rulings; they are whitened before recognition.
    GZ_OCR_RULINGS = 4,
    /// Find whether the page is set in vertical writing (columns, right to
    /// left) and read it with the vertical models of the engine's languages
    /// (chi_tra_vert for chi_tra) if so. An engine whose languages are all
    /// vertical models reads every page as columns.
    GZ_OCR_WRITING = 8,
};

/// An axis-aligned box in pixels.
typedef struct {
    int32_t x0, y0, x1, y1;
} gz_ocr_box;

/// One recognised character (a Tesseract symbol).
typedef struct {
    gz_ocr_box box;
    /// The box of the text line it is on.
    gz_ocr_box line;
    /// Tesseract's confidence, 0...100.
    float confidence;
    /// Its UTF-8 text: `text_length` bytes at `text_offset` of the page's text.
    uint32_t text_offset;
    uint32_t text_length;
    /// Numbers of its word and its line on the page, from 0.
    int32_t word;
    int32_t line_index;
} gz_ocr_symbol;

/// A straight run found in the image.
typedef struct {
    /// 0 horizontal, 1 vertical.
    int32_t orientation;
    /// Its y (horizontal) or x (vertical) centre line.
    int32_t position;
    /// Its extent along the run, start <= end.
    int32_t start, end;
    /// Its thickness.
    int32_t thickness;
} gz_ocr_ruling;

/// The result of reading one image (opaque).
typedef struct gz_ocr_page gz_ocr_page;

/// Reads an image. `dpi` is its resolution. On failure returns NULL and
/// writes the reason to `message`.
gz_ocr_page *gz_ocr_read(gz_ocr_engine *engine, const uint8_t *grey, int32_t width,
                         int32_t height, int32_t stride, int32_t dpi, uint32_t flags,
                         char *message, size_t capacity);
void gz_ocr_page_free(gz_ocr_page *page);

/// Size of the image as read (a page turned by 90° has width and height swapped).
int32_t gz_ocr_page_width(const gz_ocr_page *page);
int32_t gz_ocr_page_height(const gz_ocr_page *page);
/// Degrees the image was turned clockwise to stand upright: 0, 90, 180, 270.
int32_t gz_ocr_page_turn(const gz_ocr_page *page);
/// 1 when the page was read as vertical writing (columns top to bottom,
/// right to left; symbols in that order), 0 when across.
int32_t gz_ocr_page_vertical(const gz_ocr_page *page);
/// OSD's confidence in the orientation (0 when not asked or not found).
float gz_ocr_page_orientation_confidence(const gz_ocr_page *page);
/// Degrees of skew found and corrected (0 when none).
float gz_ocr_page_skew(const gz_ocr_page *page);
/// Mean confidence of the recognised symbols, 0...100 (0 when none).
float gz_ocr_page_mean_confidence(const gz_ocr_page *page);

const gz_ocr_symbol *gz_ocr_page_symbols(const gz_ocr_page *page, size_t *count);
/// The UTF-8 text the symbols point into (not NUL-separated).
const char *gz_ocr_page_text(const gz_ocr_page *page, size_t *length);
const gz_ocr_ruling *gz_ocr_page_rulings(const gz_ocr_page *page, size_t *count);

/// The rulings of an image alone, without recognition: runs at least
/// `min_length` pixels long and at most `max_thickness` thick. Returns a
/// malloc'd array (free it with gz_ocr_free) and its length in `count`;
/// NULL with count 0 when there is none or on failure.
gz_ocr_ruling *gz_ocr_find_rulings(const uint8_t *grey, int32_t width, int32_t height,
                                   int32_t stride, int32_t min_length, int32_t max_thickness,
                                   size_t *count);
void gz_ocr_free(void *pointer);


#ifdef __cplusplus
}
#endif

#endif
