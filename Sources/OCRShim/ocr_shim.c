// Tesseract (C API) and Leptonica behind gazette_ocr.h. Only this file
// includes their headers (through ocr_library.h), and it calls them only
// through the tables the loader fills (see ocr_library.h).
#include "gazette_ocr.h"

#include <dlfcn.h>

#include "gazette_loader.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include "ocr_library.h"

static struct gz_tesseract_functions tesseract;
static struct gz_leptonica_functions leptonica;
static pthread_once_t library_once = PTHREAD_ONCE_INIT;
/// Empty when both libraries are loaded; otherwise why not.
static char library_failure[512];

static void *open_first(const char *const *names, const char *what) {
    return gz_load_first(names, what, "scripts/bootstrap installs it (Debian: libtesseract-dev)", library_failure, sizeof library_failure);
}

static void missing(const char *library, const char *function) {
    snprintf(library_failure, sizeof library_failure, "%s has no function %s (an unexpected version)", library,
             function);
}

/// Tesseract's OpenMP build runs its network on a team of threads; on a
/// shared machine the team mostly spins (a dense page: 17 s against 3 s
/// alone, measured on 2 cores), and a batch parallelises across documents
/// anyway. With max-active-levels 0 every parallel region runs on the
/// thread that meets it. Looked up by name once Tesseract is loaded: a
/// Tesseract built without OpenMP has nothing to turn off.
/// GAZETTE_OCR_THREADS=n (n > 1) leaves OpenMP alone.
static int one_thread_wanted(void) {
    const char *threads = getenv("GAZETTE_OCR_THREADS");
    return !(threads != NULL && atoi(threads) > 1);
}

static void load_libraries(void) {
    static const char *const leptonica_names[] = {"liblept.so.5", "libleptonica.so.6", "libleptonica.so",
                                                  "liblept.so", NULL};
    static const char *const tesseract_names[] = {"libtesseract.so.5", "libtesseract.so", NULL};
    void *lept = open_first(leptonica_names, "Leptonica (liblept.so.5)");
    if (lept == NULL) return;
    void *tess = open_first(tesseract_names, "Tesseract 5 (libtesseract.so.5)");
    if (tess == NULL) return;
    // POSIX: a function pointer is stored through a void * (dlsym's own example).
#define GZ_BIND(handle, table, library, name) \
    if ((*(void **)&table.name = dlsym(handle, #name)) == NULL) { \
        missing(library, #name); \
        return; \
    }
#define GZ_BIND_LEPTONICA(name) GZ_BIND(lept, leptonica, "Leptonica", name)
#define GZ_BIND_TESSERACT(name) GZ_BIND(tess, tesseract, "Tesseract", name)
    GZ_LEPTONICA_FUNCTIONS(GZ_BIND_LEPTONICA)
    GZ_TESSERACT_FUNCTIONS(GZ_BIND_TESSERACT)
#undef GZ_BIND_TESSERACT
#undef GZ_BIND_LEPTONICA
#undef GZ_BIND
    if (one_thread_wanted()) {
        void (*set_levels)(int) = (void (*)(int))dlsym(RTLD_DEFAULT, "omp_set_max_active_levels");
        if (set_levels != NULL) set_levels(0);
    }
    // Leptonica would print every warning (unknown image fields …) to stderr.
    leptonica.setMsgSeverity(L_SEVERITY_NONE);
}

int gz_ocr_load(char *message, size_t capacity) {
    pthread_once(&library_once, load_libraries);
    if (library_failure[0] == 0) return 1;
    if (message != NULL && capacity > 0) snprintf(message, capacity, "%s", library_failure);
    return 0;
}

struct gz_ocr_engine {
    TessBaseAPI *api;
    /// Orientation and script detection: a second engine with the osd
    /// data, opened on first use (NULL until then, or when it is missing).
    TessBaseAPI *osd;
    int osd_failed;
    /// The first language alone ("chi_tra" of "chi_tra+eng"), for lines on
    /// which a later language won with words of low confidence; opened on
    /// first use (NULL for a single language).
    TessBaseAPI *primary;
    int primary_failed;
    char *primary_language;
    /// The image the primary engine has (set once per page, when needed).
    PIX *primary_image;
    /// Vertical writing (columns read top to bottom, right to left): the
    /// vertical models of the engine's CJK languages ("chi_tra_vert" for
    /// "chi_tra+eng"), opened on first use; NULL when none of its languages
    /// has one. `always_vertical`: the engine's own languages are vertical
    /// models ("chi_tra_vert"), and every page is read as columns.
    TessBaseAPI *vertical;
    int vertical_failed;
    char *vertical_languages;
    int always_vertical;
    char *datapath;
};

struct gz_ocr_page {
    int32_t width, height, turn, vertical;
    float orientation_confidence, skew, mean_confidence;
    gz_ocr_symbol *symbols;
    size_t symbol_count, symbol_capacity;
    char *text;
    size_t text_length, text_capacity;
    gz_ocr_ruling *rulings;
    size_t ruling_count;
};

static void set_message(char *message, size_t capacity, const char *text) {
    if (message != NULL && capacity > 0) snprintf(message, capacity, "%s", text);
}

const char *gz_ocr_tesseract_version(void) {
    return gz_ocr_load(NULL, 0) ? tesseract.TessVersion() : "unavailable";
}

const char *gz_ocr_leptonica_version(void) {
    static char version[64];
    if (!gz_ocr_load(NULL, 0)) return "unavailable";
    if (version[0] == 0) {
        char *v = leptonica.getLeptonicaVersion();  // "leptonica-1.82.0"
        const char *number = v != NULL && strncmp(v, "leptonica-", 10) == 0 ? v + 10 : v;
        snprintf(version, sizeof version, "%s", number != NULL ? number : "unknown");
        if (v != NULL) leptonica.lept_free(v);
    }
    return version;
}

/// Settings of the recognising engines. Tesseract's row noise filter
/// takes a line of dense CJK characters (預算經費, each of many small
/// strokes) for noise and drops it whole: a clean table header comes back
/// empty. Off; specks it lets through are single symbols of low confidence.
static void configure(TessBaseAPI *api) {
    tesseract.TessBaseAPISetVariable(api, "textord_noise_rejrows", "0");
}

/// The languages Tesseract has a vertical model of (its `<lang>_vert`
/// trained data): Chinese, Japanese and Korean.
static const char *const kVerticalScripts[] = {"chi_tra", "chi_sim", "jpn", "kor"};

/// Sets `vertical_languages` to the vertical models of the engine's
/// languages that have one, in their order ("chi_tra+eng" → "chi_tra_vert"),
/// and `always_vertical` when every language given is a vertical model.
static void set_vertical_languages(gz_ocr_engine *engine, const char *languages) {
    char joined[256] = {0};
    size_t used = 0;
    int all_vertical = 1, any = 0;
    const char *start = languages;
    while (*start != 0) {
        const char *end = strchr(start, '+');
        size_t length = end != NULL ? (size_t)(end - start) : strlen(start);
        if (length > 0) {
            any = 1;
            int is_vertical = length > 5 && strncmp(start + length - 5, "_vert", 5) == 0;
            if (!is_vertical) all_vertical = 0;
            for (size_t k = 0; k < sizeof kVerticalScripts / sizeof kVerticalScripts[0] && !is_vertical; k++) {
                if (strlen(kVerticalScripts[k]) == length && strncmp(start, kVerticalScripts[k], length) == 0 &&
                    used + length + 6 < sizeof joined) {
                    used += (size_t)snprintf(joined + used, sizeof joined - used, "%s%.*s_vert", used ? "+" : "",
                                             (int)length, start);
                }
            }
        }
        if (end == NULL) break;
        start = end + 1;
    }
    engine->always_vertical = any && all_vertical;
    if (!engine->always_vertical && used > 0) engine->vertical_languages = strdup(joined);
}

gz_ocr_engine *gz_ocr_engine_new(const char *datapath, const char *languages, char *message,
                                 size_t capacity) {
    if (!gz_ocr_load(message, capacity)) return NULL;
    TessBaseAPI *api = tesseract.TessBaseAPICreate();
    if (api == NULL) {
        set_message(message, capacity, "cannot create a Tesseract engine");
        return NULL;
    }
    if (tesseract.TessBaseAPIInit2(api, datapath, languages, OEM_LSTM_ONLY) != 0) {
        char text[512];
        snprintf(text, sizeof text,
                 "Tesseract cannot load the trained data for '%s' (from %s); install tesseract-ocr-<lang> "
                 "(scripts/bootstrap) or set GAZETTE_TESSDATA",
                 languages, datapath != NULL ? datapath : "its default tessdata directory");
        set_message(message, capacity, text);
        tesseract.TessBaseAPIDelete(api);
        return NULL;
    }
    // Quiet: no "Estimating resolution" or "Detected N diacritics" lines.
    tesseract.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    configure(api);
    gz_ocr_engine *engine = calloc(1, sizeof *engine);
    if (engine == NULL) {
        tesseract.TessBaseAPIEnd(api);
        tesseract.TessBaseAPIDelete(api);
        set_message(message, capacity, "out of memory");
        return NULL;
    }
    engine->api = api;
    engine->datapath = datapath != NULL ? strdup(datapath) : NULL;
    const char *plus = strchr(languages, '+');
    if (plus != NULL && plus > languages) {
        engine->primary_language = strndup(languages, (size_t)(plus - languages));
    }
    set_vertical_languages(engine, languages);
    return engine;
}

void gz_ocr_engine_free(gz_ocr_engine *engine) {
    if (engine == NULL) return;
    if (engine->osd != NULL) {
        tesseract.TessBaseAPIEnd(engine->osd);
        tesseract.TessBaseAPIDelete(engine->osd);
    }
    if (engine->primary != NULL) {
        tesseract.TessBaseAPIEnd(engine->primary);
        tesseract.TessBaseAPIDelete(engine->primary);
    }
    if (engine->vertical != NULL) {
        tesseract.TessBaseAPIEnd(engine->vertical);
        tesseract.TessBaseAPIDelete(engine->vertical);
    }
    free(engine->vertical_languages);
    free(engine->primary_language);
    tesseract.TessBaseAPIEnd(engine->api);
    tesseract.TessBaseAPIDelete(engine->api);
    free(engine->datapath);
    free(engine);
}

/// The grey bytes as an 8-bit Leptonica image.
static PIX *grey_pix(const uint8_t *grey, int32_t width, int32_t height, int32_t stride) {
    PIX *pix = leptonica.pixCreate(width, height, 8);
    if (pix == NULL) return NULL;
    l_uint32 *data = leptonica.pixGetData(pix);
    int32_t wpl = leptonica.pixGetWpl(pix);
    for (int32_t y = 0; y < height; y++) {
        l_uint32 *line = data + (size_t)y * wpl;
        const uint8_t *row = grey + (size_t)y * stride;
        for (int32_t x = 0; x < width; x++) SET_DATA_BYTE(line, x, row[x]);
    }
    leptonica.pixSetResolution(pix, 300, 300);
    return pix;
}

/// Black and white: Otsu's threshold over large tiles (a scan's paper is
/// seldom pure white), plain 128 when that fails.
static PIX *binarize(PIX *grey) {
    PIX *binary = NULL;
    int32_t w = leptonica.pixGetWidth(grey), h = leptonica.pixGetHeight(grey);
    if (leptonica.pixOtsuAdaptiveThreshold(grey, w > 16 ? w / 2 + 1 : w, h > 16 ? h / 2 + 1 : h, 0, 0, 0.1f, NULL, &binary) != 0 ||
        binary == NULL) {
        binary = leptonica.pixConvertTo1(grey, 128);
    }
    return binary;
}

/// Long runs one way in a binary image: appends them to `out`.
static int find_runs(PIX *binary, int vertical, int32_t min_length, int32_t max_thickness,
                     gz_ocr_ruling **out, size_t *count, size_t *capacity) {
    // Bridge gaps of a pixel or two (a broken scan line), then keep only
    // runs at least min_length long.
    PIX *closed = vertical ? leptonica.pixCloseBrick(NULL, binary, 1, 3) : leptonica.pixCloseBrick(NULL, binary, 3, 1);
    if (closed == NULL) return -1;
    PIX *opened = vertical ? leptonica.pixOpenBrick(NULL, closed, 1, min_length) : leptonica.pixOpenBrick(NULL, closed, min_length, 1);
    leptonica.pixDestroy(&closed);
    if (opened == NULL) return -1;
    BOXA *boxes = leptonica.pixConnCompBB(opened, 8);
    int32_t n = boxes != NULL ? leptonica.boxaGetCount(boxes) : 0;
    for (int32_t i = 0; i < n; i++) {
        l_int32 x, y, w, h;
        if (leptonica.boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h) != 0) continue;
        int32_t thickness = vertical ? w : h, length = vertical ? h : w;
        if (length < min_length) continue;
        if (thickness > max_thickness) {
            // A filled area (shading, a black bar), not a line: leave it in
            // the image for recognition, out of the rulings.
            continue;
        }
        if (*count == *capacity) {
            size_t grown = *capacity ? *capacity * 2 : 64;
            gz_ocr_ruling *more = realloc(*out, grown * sizeof **out);
            if (more == NULL) {
                leptonica.boxaDestroy(&boxes);
                leptonica.pixDestroy(&opened);
                return -1;
            }
            *out = more;
            *capacity = grown;
        }
        gz_ocr_ruling r;
        r.orientation = vertical ? 1 : 0;
        r.position = vertical ? x + w / 2 : y + h / 2;
        r.start = vertical ? y : x;
        r.end = vertical ? y + h : x + w;
        r.thickness = thickness;
        (*out)[(*count)++] = r;
    }
    leptonica.boxaDestroy(&boxes);
    leptonica.pixDestroy(&opened);
    return 0;
}

/// True when the two rulings (one each way) meet, within `slack` pixels.
static int meet(const gz_ocr_ruling *a, const gz_ocr_ruling *b, int32_t slack) {
    return a->position >= b->start - slack && a->position <= b->end + slack &&
           b->position >= a->start - slack && b->position <= a->end + slack;
}

/// Keeps the runs that are lines rather than strokes of large text: a run
/// that meets two the other way (a border of a table's cell meets the two
/// borders across it; the strokes of a large 十 meet once), or one long
/// enough on its own (`alone_h`, `alone_v`: a rule, an underline).
static size_t keep_lines(gz_ocr_ruling *rulings, size_t count, int32_t alone_h, int32_t alone_v, int32_t slack) {
    char *keep = calloc(count ? count : 1, 1);
    if (keep == NULL) return count;
    for (size_t i = 0; i < count; i++) {
        int32_t length = rulings[i].end - rulings[i].start;
        if (length >= (rulings[i].orientation ? alone_v : alone_h)) keep[i] = 1;
        int met = 0;
        for (size_t j = 0; j < count && !keep[i]; j++) {
            if (rulings[j].orientation != rulings[i].orientation && meet(&rulings[i], &rulings[j], slack)) met++;
            if (met >= 2) keep[i] = 1;
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < count; i++) {
        if (keep[i]) rulings[kept++] = rulings[i];
    }
    free(keep);
    return kept;
}

/// True when a ruling the other way ends or crosses at (`along`, `at`):
/// `along` on the joined ruling's axis, `at` its position.
static int perpendicular_at(const gz_ocr_ruling *rulings, size_t count, int orientation, int32_t along, int32_t at,
                            int32_t slack) {
    for (size_t k = 0; k < count; k++) {
        const gz_ocr_ruling *r = &rulings[k];
        if (r->orientation == orientation || r->end - r->start <= 0) continue;
        if (abs(r->position - along) <= slack && at >= r->start - slack && at <= r->end + slack) return 1;
    }
    return 0;
}

/// Joins pieces of one rule broken by something laid over it (a
/// watermark's strokes whiten a table's border where they cross it): two
/// rulings on one line with a gap of at most `max_gap` between them,
/// where no ruling the other way stands at either end of the gap. A gap
/// that ends at rulings across it is a cell spanning the rows (or the
/// columns) and stays.
static size_t join_broken(gz_ocr_ruling *rulings, size_t count, int32_t max_gap, int32_t slack) {
    int joined = 1;
    while (joined) {
        joined = 0;
        for (size_t i = 0; i < count && !joined; i++) {
            for (size_t j = 0; j < count && !joined; j++) {
                gz_ocr_ruling *a = &rulings[i], *b = &rulings[j];
                if (i == j || a->orientation != b->orientation || abs(a->position - b->position) > 3) continue;
                int32_t gap = b->start - a->end;
                if (gap <= 0 || gap > max_gap) continue;
                if (perpendicular_at(rulings, count, a->orientation, a->end, a->position, slack) ||
                    perpendicular_at(rulings, count, a->orientation, b->start, b->position, slack)) {
                    continue;
                }
                a->end = b->end;
                if (b->thickness > a->thickness) a->thickness = b->thickness;
                rulings[j] = rulings[--count];
                joined = 1;
            }
        }
    }
    return count;
}

/// Rulings of a grey image: runs at least `min_h` across or `min_v` down
/// and at most `max_thickness` thick; a run shorter than `alone_h` /
/// `alone_v` is kept only where it meets another (see keep_lines).
static int rulings_of(PIX *grey, int32_t min_h, int32_t min_v, int32_t alone_h, int32_t alone_v,
                      int32_t max_thickness, gz_ocr_ruling **out, size_t *count) {
    PIX *binary = binarize(grey);
    if (binary == NULL) return -1;
    size_t capacity = 0;
    int rc = find_runs(binary, 0, min_h, max_thickness, out, count, &capacity);
    if (rc == 0) rc = find_runs(binary, 1, min_v, max_thickness, out, count, &capacity);
    leptonica.pixDestroy(&binary);
    if (rc == 0) *count = keep_lines(*out, *count, alone_h, alone_v, max_thickness + 2);
    if (rc == 0) *count = join_broken(*out, *count, alone_h, max_thickness + 2);
    return rc;
}

/// Whitens the rulings (and two pixels around them) in `grey`, so that
/// recognition sees the text alone.
static void whiten(PIX *grey, const gz_ocr_ruling *rulings, size_t count) {
    int32_t w = leptonica.pixGetWidth(grey), h = leptonica.pixGetHeight(grey);
    for (size_t i = 0; i < count; i++) {
        const gz_ocr_ruling *r = &rulings[i];
        int32_t half = r->thickness / 2 + 2;
        int32_t x0 = r->orientation ? r->position - half : r->start - 2;
        int32_t x1 = r->orientation ? r->position + half + 1 : r->end + 2;
        int32_t y0 = r->orientation ? r->start - 2 : r->position - half;
        int32_t y1 = r->orientation ? r->end + 2 : r->position + half + 1;
        if (x0 < 0) x0 = 0;
        if (y0 < 0) y0 = 0;
        if (x1 > w) x1 = w;
        if (y1 > h) y1 = h;
        if (x1 <= x0 || y1 <= y0) continue;
        leptonica.pixRasterop(grey, x0, y0, x1 - x0, y1 - y0, PIX_SET, NULL, 0, 0);  // 8 bpp: set = 255, white
    }
}

gz_ocr_ruling *gz_ocr_find_rulings(const uint8_t *grey, int32_t width, int32_t height, int32_t stride,
                                   int32_t min_length, int32_t max_thickness, size_t *count) {
    *count = 0;
    if (!gz_ocr_load(NULL, 0)) return NULL;
    PIX *pix = grey_pix(grey, width, height, stride);
    if (pix == NULL) return NULL;
    gz_ocr_ruling *out = NULL;
    if (rulings_of(pix, min_length, min_length, min_length, min_length, max_thickness, &out, count) != 0) {
        free(out);
        out = NULL;
        *count = 0;
    }
    leptonica.pixDestroy(&pix);
    return out;
}

void gz_ocr_free(void *pointer) { free(pointer); }

/// The osd engine, opened on first use; NULL when its data is missing.
static TessBaseAPI *osd_engine(gz_ocr_engine *engine) {
    if (engine->osd != NULL || engine->osd_failed) return engine->osd;
    TessBaseAPI *osd = tesseract.TessBaseAPICreate();
    if (osd == NULL || tesseract.TessBaseAPIInit2(osd, engine->datapath, "osd", OEM_TESSERACT_ONLY) != 0) {
        if (osd != NULL) tesseract.TessBaseAPIDelete(osd);
        engine->osd_failed = 1;
        return NULL;
    }
    tesseract.TessBaseAPISetVariable(osd, "debug_file", "/dev/null");
    tesseract.TessBaseAPISetPageSegMode(osd, PSM_OSD_ONLY);
    engine->osd = osd;
    return osd;
}

/// OSD's orientation of the text: the clockwise turn (0, 90, 180, 270)
/// that makes it upright, or -1 when it cannot tell.
static int32_t detect_turn(gz_ocr_engine *engine, PIX *pix, int32_t dpi, float *confidence) {
    *confidence = 0;
    TessBaseAPI *osd = osd_engine(engine);
    if (osd == NULL) return -1;
    // OSD needs no more than 300 dpi worth of pixels; a smaller copy is faster.
    tesseract.TessBaseAPISetImage2(osd, pix);
    tesseract.TessBaseAPISetSourceResolution(osd, dpi);
    int orient_deg = 0;
    float orient_conf = 0, script_conf = 0;
    const char *script = NULL;
    BOOL ok = tesseract.TessBaseAPIDetectOrientationScript(osd, &orient_deg, &orient_conf, &script, &script_conf);
    tesseract.TessBaseAPIClear(osd);
    if (!ok) return -1;
    *confidence = orient_conf;
    // orient_deg is how far the text is turned clockwise (text running up
    // the page: 270); turning the image clockwise by the rest of a full
    // turn sets it upright.
    return (int32_t)((360 - ((orient_deg % 360) + 360) % 360) % 360);
}

static int append_text(gz_ocr_page *page, const char *text, size_t length) {
    if (page->text_length + length > page->text_capacity) {
        size_t grown = page->text_capacity ? page->text_capacity * 2 : 4096;
        while (grown < page->text_length + length) grown *= 2;
        char *more = realloc(page->text, grown);
        if (more == NULL) return -1;
        page->text = more;
        page->text_capacity = grown;
    }
    memcpy(page->text + page->text_length, text, length);
    page->text_length += length;
    return 0;
}

static int append_symbol(gz_ocr_page *page, gz_ocr_symbol symbol) {
    if (page->symbol_count == page->symbol_capacity) {
        size_t grown = page->symbol_capacity ? page->symbol_capacity * 2 : 1024;
        gz_ocr_symbol *more = realloc(page->symbols, grown * sizeof *more);
        if (more == NULL) return -1;
        page->symbols = more;
        page->symbol_capacity = grown;
    }
    page->symbols[page->symbol_count++] = symbol;
    return 0;
}

/// Black pixels of `binary` inside `box`.
static int32_t ink_in(PIX *binary, gz_ocr_box box) {
    if (binary == NULL) return -1;
    BOX *b = leptonica.boxCreate(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
    l_int32 ink = 0;
    if (b != NULL) {
        PIX *part = leptonica.pixClipRectangle(binary, b, NULL);
        if (part != NULL) {
            leptonica.pixCountPixels(part, &ink, NULL);
            leptonica.pixDestroy(&part);
        }
        leptonica.boxDestroy(&b);
    }
    return ink;
}

/// The symbol's box moved in to its ink (columns of `binary` with a black
/// pixel between the box's and the line's common top and bottom, then the
/// rows of those columns): LSTM boxes start well left of their character
/// and reach a line up or down (稱 given 94 px high in a 48 px line), which
/// closes the gutter between two columns of a table and joins two rows.
/// A box over no ink stays.
static gz_ocr_box ink_bounds(PIX *binary, gz_ocr_box box, gz_ocr_box line) {
    if (binary == NULL) return box;
    int32_t w = leptonica.pixGetWidth(binary), h = leptonica.pixGetHeight(binary);
    int32_t y0 = box.y0 > line.y0 ? box.y0 : line.y0, y1 = box.y1 < line.y1 ? box.y1 : line.y1;
    if (y1 <= y0) { y0 = box.y0; y1 = box.y1; }
    int32_t x0 = box.x0 < 0 ? 0 : box.x0, x1 = box.x1 > w ? w : box.x1;
    if (y0 < 0) y0 = 0;
    if (y1 > h) y1 = h;
    if (x1 <= x0 || y1 <= y0) return box;
    l_uint32 *data = leptonica.pixGetData(binary);
    int32_t wpl = leptonica.pixGetWpl(binary);
    int32_t first = -1, last = -1;
    for (int32_t x = x0; x < x1; x++) {
        for (int32_t y = y0; y < y1; y++) {
            if (GET_DATA_BIT(data + (size_t)y * wpl, x)) {
                if (first < 0) first = x;
                last = x;
                break;
            }
        }
    }
    if (first < 0) return box;
    int32_t top = -1, bottom = -1;
    for (int32_t y = y0; y < y1; y++) {
        const l_uint32 *row = data + (size_t)y * wpl;
        for (int32_t x = first; x <= last; x++) {
            if (GET_DATA_BIT(row, x)) {
                if (top < 0) top = y;
                bottom = y;
                break;
            }
        }
    }
    box.x0 = first;
    box.x1 = last + 1;
    box.y0 = top;
    box.y1 = bottom + 1;
    return box;
}

/// True for the quotation marks Tesseract's Chinese model puts in a wide
/// gap between words where the page has nothing (秘書長”陳健楷).
static int is_quote(const char *text) {
    return strcmp(text, "\xe2\x80\x9c") == 0 || strcmp(text, "\xe2\x80\x9d") == 0 || strcmp(text, "\xe2\x80\x98") == 0 ||
           strcmp(text, "\xe2\x80\x99") == 0 || strcmp(text, "\"") == 0 || strcmp(text, "'") == 0;
}

/// True when a quotation mark Tesseract gave is none: a real one is ink
/// in the upper part of its line, about a third of the line high; those
/// the Chinese model puts in a wide gap between words (秘書長”陳健楷) are as
/// tall as the line or more, a sliver, or over no ink at all.
static int phantom_quote(gz_ocr_box box, gz_ocr_box line, PIX *binary, int32_t dpi) {
    int32_t height = box.y1 - box.y0, width = box.x1 - box.x0, line_height = line.y1 - line.y0;
    if (line_height > 0 && height * 10 > line_height * 6) return 1;
    if (width < 3) return 1;
    return ink_in(binary, box) < (dpi / 40) * (dpi / 40);
}

/// A recognising engine of `languages` (LSTM, quiet, `configure`d), or
/// NULL when it cannot be opened (its trained data is missing).
static TessBaseAPI *open_recogniser(const char *datapath, const char *languages) {
    TessBaseAPI *api = tesseract.TessBaseAPICreate();
    if (api == NULL || tesseract.TessBaseAPIInit2(api, datapath, languages, OEM_LSTM_ONLY) != 0) {
        if (api != NULL) tesseract.TessBaseAPIDelete(api);
        return NULL;
    }
    tesseract.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    configure(api);
    return api;
}

/// The engine of the first language alone, opened on first use; NULL for
/// a single language or when it cannot be opened.
static TessBaseAPI *primary_engine(gz_ocr_engine *engine) {
    if (engine->primary != NULL || engine->primary_failed || engine->primary_language == NULL) return engine->primary;
    engine->primary = open_recogniser(engine->datapath, engine->primary_language);
    engine->primary_failed = engine->primary == NULL;
    return engine->primary;
}

/// The engine of the vertical models (`vertical_languages`), opened on
/// first use; NULL when the engine's languages have none or their trained
/// data is missing (the page is then read across, as before).
static TessBaseAPI *vertical_engine(gz_ocr_engine *engine) {
    if (engine->vertical != NULL || engine->vertical_failed || engine->vertical_languages == NULL) return engine->vertical;
    engine->vertical = open_recogniser(engine->datapath, engine->vertical_languages);
    engine->vertical_failed = engine->vertical == NULL;
    return engine->vertical;
}

/// True when the page is set in vertical writing: Tesseract's layout
/// analysis (no recognition, on a copy at about 100 dpi: a fifth of a
/// second) finds text lines written top to bottom covering more than twice
/// the area of those written across, and at least three of them are
/// columns (twice as tall as wide). Lines thinner than 1/12 in either way
/// (rulings, specks) are not text. An official letter of the 1990s (速別、
/// 密等、主旨 in columns, right to left) is vertical; a horizontal page,
/// tables and all, finds no line written down at all.
static int is_vertical_writing(gz_ocr_engine *engine, PIX *pix, int32_t dpi) {
    float factor = dpi > 100 ? 100.0f / (float)dpi : 1.0f;
    PIX *small = factor < 1.0f ? leptonica.pixScale(pix, factor, factor) : leptonica.pixClone(pix);
    if (small == NULL) return 0;
    int32_t small_dpi = (int32_t)((float)dpi * factor + 0.5f);
    TessBaseAPI *api = engine->api;
    tesseract.TessBaseAPISetImage2(api, small);
    tesseract.TessBaseAPISetSourceResolution(api, small_dpi);
    tesseract.TessBaseAPISetPageSegMode(api, PSM_AUTO);
    TessPageIterator *it = tesseract.TessBaseAPIAnalyseLayout(api);
    double down = 0, across = 0;
    int columns = 0;
    int32_t least = small_dpi / 12;
    if (it != NULL) {
        do {
            int x0, y0, x1, y1;
            if (!tesseract.TessPageIteratorBoundingBox(it, RIL_TEXTLINE, &x0, &y0, &x1, &y1)) continue;
            int32_t w = x1 - x0, h = y1 - y0;
            if (w < least || h < least) continue;
            TessOrientation orientation;
            TessWritingDirection direction;
            TessTextlineOrder order;
            float deskew = 0;
            tesseract.TessPageIteratorOrientation(it, &orientation, &direction, &order, &deskew);
            if (direction == WRITING_DIRECTION_TOP_TO_BOTTOM) {
                down += (double)w * h;
                if (h >= 2 * w) columns++;
            } else {
                across += (double)w * h;
            }
        } while (tesseract.TessPageIteratorNext(it, RIL_TEXTLINE));
        tesseract.TessPageIteratorDelete(it);
    }
    tesseract.TessBaseAPIClear(api);
    leptonica.pixDestroy(&small);
    return columns >= 3 && down > 2 * across;
}

/// Below this a word that a later language (eng of chi_tra+eng) won is
/// suspect, and its line is read again with the first language alone (the
/// better reading by mean confidence is kept): on a scan of Chinese text
/// set in a brush face (標楷體), eng reads whole lines as Latin letters
/// ("HE Rare BRER"), and a letter-spaced bold heading (一、前言) comes out
/// as "=. ie" at 91–95, where chi_tra alone reads them right (一、前言 at
/// 89–99). So any word eng won; chi_tra reads Latin text too, and a line
/// of real English keeps eng's reading, which scores higher.
static const float kWeakWord = 101.0f;

/// True when symbol `i` is a wide (CJK) character.
static int is_wide(const gz_ocr_page *page, size_t i) {
    return (unsigned char)page->text[page->symbols[i].text_offset] >= 0xE0;  // a 3- or 4-byte UTF-8 character
}

/// Words of one or two ASCII letters between wide (CJK) characters in the
/// line's symbols from `first` on: a later language's reading of the
/// strokes of a letter-spaced or brush-face line (（(考HR察、s視UR察）),
/// never Latin text, which stands apart from CJK by a space.
static int latin_islands(const gz_ocr_page *page, size_t first) {
    int islands = 0;
    size_t i = first;
    while (i < page->symbol_count) {
        size_t j = i;
        while (j < page->symbol_count && page->symbols[j].word == page->symbols[i].word) j++;
        int letters = 1;
        for (size_t k = i; k < j && letters; k++) {
            const char *t = page->text + page->symbols[k].text_offset;
            for (uint32_t n = 0; n < page->symbols[k].text_length; n++) {
                char c = t[n];
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) letters = 0;
            }
        }
        if (letters && j - i <= 2 && i > first && j < page->symbol_count && is_wide(page, i - 1) && is_wide(page, j)) {
            islands++;
        }
        i = j;
    }
    return islands;
}

/// How much lower the first language's mean confidence may be and still
/// win a line with Latin islands between CJK characters (see latin_islands).
static const double kIslandAllowance = 20.0;

/// Drops the symbols of the few lines before symbol `first` whose ink the
/// symbols from `first` on cover too: a line box Tesseract drew over two
/// rows (a spaced-out heading woven into the line below it), read again,
/// reads the other row once more, and the first reading of that row (as
/// Latin letters: (HRs UR He for （考察、視察、訪問）) goes. Their text stays
/// in the page's buffer, unused.
static void drop_read_again(gz_ocr_page *page, size_t first, double *confidence_sum) {
    if (first == 0 || first >= page->symbol_count) return;
    int32_t line = page->symbols[first].line_index;
    size_t kept = 0, from = first;
    while (from > 0 && page->symbols[from - 1].line_index >= line - 3) from--;
    gz_ocr_symbol *s = page->symbols;
    for (size_t i = 0; i < page->symbol_count; i++) {
        int covered = 0;
        if (i >= from && i < first) {
            int64_t area = (int64_t)(s[i].box.x1 - s[i].box.x0) * (s[i].box.y1 - s[i].box.y0);
            for (size_t j = first; j < page->symbol_count && !covered && area > 0; j++) {
                int32_t ox = (s[i].box.x1 < s[j].box.x1 ? s[i].box.x1 : s[j].box.x1) - (s[i].box.x0 > s[j].box.x0 ? s[i].box.x0 : s[j].box.x0);
                int32_t oy = (s[i].box.y1 < s[j].box.y1 ? s[i].box.y1 : s[j].box.y1) - (s[i].box.y0 > s[j].box.y0 ? s[i].box.y0 : s[j].box.y0);
                if (ox > 0 && oy > 0 && (int64_t)ox * oy * 2 > area) covered = 1;
            }
        }
        if (covered) {
            *confidence_sum -= s[i].confidence;
            continue;
        }
        s[kept++] = s[i];
    }
    page->symbol_count = kept;
}

/// Reads line `box` again with the first language alone; when its mean
/// confidence beats `current`, replaces the line's symbols (from `first`
/// on) with its own. Returns -1 on failure to allocate.
static int retry_line(gz_ocr_engine *engine, PIX *pix, PIX *binary, int32_t dpi, gz_ocr_box box, int32_t dx, int32_t dy,
                      size_t first, double current, gz_ocr_page *page, double *confidence_sum) {
    TessBaseAPI *api = primary_engine(engine);
    if (api == NULL || first >= page->symbol_count) return 0;
    if (engine->primary_image != pix) {
        tesseract.TessBaseAPISetImage2(api, pix);
        tesseract.TessBaseAPISetSourceResolution(api, dpi);
        tesseract.TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
        engine->primary_image = pix;
    }
    int32_t pad = 4, w = leptonica.pixGetWidth(pix), h = leptonica.pixGetHeight(pix);
    // `box` is in page pixels; `pix` starts at (dx, dy) of the page.
    box = (gz_ocr_box){box.x0 - dx, box.y0 - dy, box.x1 - dx, box.y1 - dy};
    int32_t x0 = box.x0 - pad < 0 ? 0 : box.x0 - pad, y0 = box.y0 - pad < 0 ? 0 : box.y0 - pad;
    int32_t x1 = box.x1 + pad > w ? w : box.x1 + pad, y1 = box.y1 + pad > h ? h : box.y1 + pad;
    if (x1 <= x0 || y1 <= y0) return 0;
    tesseract.TessBaseAPISetRectangle(api, x0, y0, x1 - x0, y1 - y0);
    if (tesseract.TessBaseAPIRecognize(api, NULL) != 0) return 0;
    TessResultIterator *it = tesseract.TessBaseAPIGetIterator(api);
    if (it == NULL) return 0;
    // Collected apart first: the line is replaced only if this reading is better.
    gz_ocr_page alt;
    memset(&alt, 0, sizeof alt);
    double sum = 0;
    int rc = 0;
    TessPageIterator *pi = tesseract.TessResultIteratorGetPageIterator(it);
    int32_t word = page->symbols[first].word, line = page->symbols[first].line_index;
    int started = 0;
    do {
        if (tesseract.TessPageIteratorIsAtBeginningOf(pi, RIL_WORD)) {
            if (started) word++;
            started = 1;
        }
        char *text = tesseract.TessResultIteratorGetUTF8Text(it, RIL_SYMBOL);
        if (text == NULL) continue;
        size_t length = strlen(text);
        int bx0, by0, bx1, by1;
        gz_ocr_box page_line = {box.x0 + dx, box.y0 + dy, box.x1 + dx, box.y1 + dy};
        if (length > 0 && tesseract.TessPageIteratorBoundingBox(pi, RIL_SYMBOL, &bx0, &by0, &bx1, &by1) &&
            !(is_quote(text) &&
              phantom_quote((gz_ocr_box){bx0 + dx, by0 + dy, bx1 + dx, by1 + dy}, page_line, binary, dpi))) {
            gz_ocr_symbol symbol;
            symbol.box = ink_bounds(binary, (gz_ocr_box){bx0 + dx, by0 + dy, bx1 + dx, by1 + dy}, page_line);
            symbol.line = page_line;
            symbol.confidence = tesseract.TessResultIteratorConfidence(it, RIL_SYMBOL);
            symbol.text_offset = (uint32_t)alt.text_length;
            symbol.text_length = (uint32_t)length;
            symbol.word = word;
            symbol.line_index = line;
            if (append_text(&alt, text, length) != 0 || append_symbol(&alt, symbol) != 0) rc = -1;
            sum += symbol.confidence;
        }
        tesseract.TessDeleteText(text);
    } while (rc == 0 && tesseract.TessResultIteratorNext(it, RIL_SYMBOL));
    tesseract.TessResultIteratorDelete(it);
    if (rc == 0 && alt.symbol_count > 0 && sum / alt.symbol_count > current) {
        // Drop the line's symbols and their text, then append the new ones.
        size_t text_start = page->symbols[first].text_offset;
        for (size_t i = first; i < page->symbol_count; i++) *confidence_sum -= page->symbols[i].confidence;
        page->symbol_count = first;
        page->text_length = text_start;
        for (size_t i = 0; i < alt.symbol_count && rc == 0; i++) {
            gz_ocr_symbol symbol = alt.symbols[i];
            symbol.text_offset = (uint32_t)page->text_length;
            if (append_text(page, alt.text + alt.symbols[i].text_offset, symbol.text_length) != 0 ||
                append_symbol(page, symbol) != 0) {
                rc = -1;
            }
            *confidence_sum += symbol.confidence;
        }
        if (rc == 0) drop_read_again(page, first, confidence_sum);
    }
    free(alt.symbols);
    free(alt.text);
    return rc;
}

/// Recognises `pix` (whose top-left corner is (dx, dy) of the page) in page
/// segmentation mode `psm` and appends its symbols to `page`; `line` and
/// `word` number the lines and words over the passes of one page.
static int recognise(gz_ocr_engine *engine, PIX *pix, PIX *binary, int32_t dpi, TessPageSegMode psm,
                     int32_t dx, int32_t dy, gz_ocr_page *page, int32_t *line, int32_t *word, double *confidence_sum, char *message,
                     size_t capacity) {
    TessBaseAPI *api = engine->api;
    tesseract.TessBaseAPISetImage2(api, pix);
    tesseract.TessBaseAPISetSourceResolution(api, dpi);
    tesseract.TessBaseAPISetPageSegMode(api, psm);
    if (tesseract.TessBaseAPIRecognize(api, NULL) != 0) {
        tesseract.TessBaseAPIClear(api);
        set_message(message, capacity, "Tesseract could not recognise the image");
        return -1;
    }
    TessResultIterator *it = tesseract.TessBaseAPIGetIterator(api);
    int rc = 0;
    if (it != NULL) {
        TessPageIterator *pi = tesseract.TessResultIteratorGetPageIterator(it);
        gz_ocr_box line_box = {0, 0, 0, 0};
        // The line being read: its first symbol, its confidence, and
        // whether a later language won one of its words with low confidence.
        size_t line_first = page->symbol_count;
        double line_sum = 0;
        int line_weak = 0;
        do {
            if (tesseract.TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE)) {
                if (line_weak && page->symbol_count > line_first) {
                    double mean = line_sum / (double)(page->symbol_count - line_first);
                    if (latin_islands(page, line_first) > 0) mean -= kIslandAllowance;
                    rc = retry_line(engine, pix, binary, dpi, line_box, dx, dy, line_first, mean, page, confidence_sum);
                }
                line_first = page->symbol_count;
                line_sum = 0;
                line_weak = 0;
                (*line)++;
                int x0, y0, x1, y1;
                if (tesseract.TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &x0, &y0, &x1, &y1)) {
                    line_box = (gz_ocr_box){x0 + dx, y0 + dy, x1 + dx, y1 + dy};
                }
            }
            if (tesseract.TessPageIteratorIsAtBeginningOf(pi, RIL_WORD)) {
                (*word)++;
                if (engine->primary_language != NULL) {
                    const char *language = tesseract.TessResultIteratorWordRecognitionLanguage(it);
                    if (language != NULL && strcmp(language, engine->primary_language) != 0 &&
                        tesseract.TessResultIteratorConfidence(it, RIL_WORD) < kWeakWord) {
                        line_weak = 1;
                    }
                }
            }
            char *text = tesseract.TessResultIteratorGetUTF8Text(it, RIL_SYMBOL);
            if (text == NULL) continue;
            size_t length = strlen(text);
            int x0, y0, x1, y1;
            // A box of no width or height is none: Tesseract 5 gives one to
            // every symbol of a block it found written top to bottom.
            if (length > 0 && tesseract.TessPageIteratorBoundingBox(pi, RIL_SYMBOL, &x0, &y0, &x1, &y1) && x1 > x0 && y1 > y0 &&
                !(is_quote(text) && phantom_quote((gz_ocr_box){x0 + dx, y0 + dy, x1 + dx, y1 + dy}, line_box,
                                                  binary, dpi))) {
                gz_ocr_symbol symbol;
                symbol.box = ink_bounds(binary, (gz_ocr_box){x0 + dx, y0 + dy, x1 + dx, y1 + dy}, line_box);
                symbol.line = line_box;
                symbol.confidence = tesseract.TessResultIteratorConfidence(it, RIL_SYMBOL);
                symbol.text_offset = (uint32_t)page->text_length;
                symbol.text_length = (uint32_t)length;
                symbol.word = *word < 0 ? 0 : *word;
                symbol.line_index = *line < 0 ? 0 : *line;
                if (append_text(page, text, length) != 0 || append_symbol(page, symbol) != 0) rc = -1;
                *confidence_sum += symbol.confidence;
                line_sum += symbol.confidence;
            }
            tesseract.TessDeleteText(text);
        } while (rc == 0 && tesseract.TessResultIteratorNext(it, RIL_SYMBOL));
        if (rc == 0 && line_weak && page->symbol_count > line_first) {
            double mean = line_sum / (double)(page->symbol_count - line_first);
            if (latin_islands(page, line_first) > 0) mean -= kIslandAllowance;
            rc = retry_line(engine, pix, binary, dpi, line_box, dx, dy, line_first, mean, page, confidence_sum);
        }
        tesseract.TessResultIteratorDelete(it);
    }
    tesseract.TessBaseAPIClear(api);
    if (rc != 0) set_message(message, capacity, "out of memory");
    return rc;
}

/// The cells the rulings enclose: the white regions of an image of the
/// lines alone that do not reach its edge, at least `min_size` each way.
static BOXA *cells_of(int32_t width, int32_t height, const gz_ocr_ruling *rulings, size_t count, int32_t reach,
                      int32_t min_size) {
    PIX *lines = leptonica.pixCreate(width, height, 1);
    if (lines == NULL) return NULL;
    for (size_t i = 0; i < count; i++) {
        const gz_ocr_ruling *r = &rulings[i];
        // Lengthened by `reach` so that corners that do not quite meet close.
        int32_t half = r->thickness / 2 + 1;
        int32_t x0 = r->orientation ? r->position - half : r->start - reach;
        int32_t x1 = r->orientation ? r->position + half + 1 : r->end + reach;
        int32_t y0 = r->orientation ? r->start - reach : r->position - half;
        int32_t y1 = r->orientation ? r->end + reach : r->position + half + 1;
        if (x0 < 0) x0 = 0;
        if (y0 < 0) y0 = 0;
        if (x1 > width) x1 = width;
        if (y1 > height) y1 = height;
        if (x1 > x0 && y1 > y0) leptonica.pixRasterop(lines, x0, y0, x1 - x0, y1 - y0, PIX_SET, NULL, 0, 0);
    }
    leptonica.pixInvert(lines, lines);
    BOXA *regions = leptonica.pixConnCompBB(lines, 4);
    leptonica.pixDestroy(&lines);
    if (regions == NULL) return NULL;
    BOXA *cells = leptonica.boxaCreate(16);
    int32_t n = leptonica.boxaGetCount(regions);
    for (int32_t i = 0; i < n; i++) {
        l_int32 x, y, w, h;
        if (leptonica.boxaGetBoxGeometry(regions, i, &x, &y, &w, &h) != 0) continue;
        if (x <= 0 || y <= 0 || x + w >= width || y + h >= height) continue;  // outside every table
        if (w < min_size || h < min_size) continue;
        if ((double)w * h > 0.9 * (double)width * height) continue;
        BOX *box = leptonica.boxCreate(x, y, w, h);
        if (box != NULL) leptonica.boxaAddBox(cells, box, L_INSERT);
    }
    leptonica.boxaDestroy(&regions);
    // A region that is no rectangle (an L where a border is missing) has a
    // bounding box over the cells beside it: read as a cell, their text
    // would be read twice (前前往往國國家家). The cells inside it are kept;
    // the region is left to the page's pass.
    int32_t m = leptonica.boxaGetCount(cells);
    char *drop = calloc(m ? (size_t)m : 1, 1);
    if (drop == NULL) return cells;
    for (int32_t i = 0; i < m; i++) {
        l_int32 xi, yi, wi, hi;
        if (leptonica.boxaGetBoxGeometry(cells, i, &xi, &yi, &wi, &hi) != 0) continue;
        for (int32_t j = 0; j < m && !drop[i]; j++) {
            l_int32 xj, yj, wj, hj;
            if (i == j || leptonica.boxaGetBoxGeometry(cells, j, &xj, &yj, &wj, &hj) != 0) continue;
            int32_t ox = (xi + wi < xj + wj ? xi + wi : xj + wj) - (xi > xj ? xi : xj);
            int32_t oy = (yi + hi < yj + hj ? yi + hi : yj + hj) - (yi > yj ? yi : yj);
            // i overlaps j by a tenth of j and is the larger: i goes.
            if (ox > 0 && oy > 0 && (double)ox * oy * 10 > (double)wj * hj && (double)wi * hi > (double)wj * hj) drop[i] = 1;
        }
    }
    BOXA *kept = leptonica.boxaCreate(m > 0 ? m : 1);
    for (int32_t i = 0; i < m && kept != NULL; i++) {
        l_int32 x, y, w, h;
        if (drop[i] || leptonica.boxaGetBoxGeometry(cells, i, &x, &y, &w, &h) != 0) continue;
        BOX *box = leptonica.boxCreate(x, y, w, h);
        if (box != NULL) leptonica.boxaAddBox(kept, box, L_INSERT);
    }
    free(drop);
    if (kept == NULL) return cells;
    leptonica.boxaDestroy(&cells);
    return kept;
}

/// Recognises the page: each table cell on its own (a cell is one block
/// of text; read with the page, the cells of a row run together into one
/// line and the header of a table is lost), then the rest of the page with
/// the cells whitened.
static int recognise_page(gz_ocr_engine *engine, PIX *pix, int32_t dpi, TessPageSegMode rest_mode, gz_ocr_page *page,
                          char *message, size_t capacity) {
    int32_t line = -1, word = -1;
    double confidence_sum = 0;
    BOXA *cells = page->ruling_count > 0
        ? cells_of(page->width, page->height, page->rulings, page->ruling_count, dpi / 50 + 2, dpi / 15)
        : NULL;
    int32_t n = cells != NULL ? leptonica.boxaGetCount(cells) : 0;
    PIX *rest = n > 0 ? leptonica.pixCopy(NULL, pix) : leptonica.pixClone(pix);
    int rc = rest != NULL ? 0 : -1;
    PIX *binary = binarize(pix);
    for (int32_t i = 0; i < n && rc == 0; i++) {
        l_int32 x, y, w, h;
        if (leptonica.boxaGetBoxGeometry(cells, i, &x, &y, &w, &h) != 0) continue;
        // An empty cell costs a Recognize call for nothing.
        if (ink_in(binary, (gz_ocr_box){x, y, x + w, y + h}) < dpi / 10) {
            leptonica.pixRasterop(rest, x, y, w, h, PIX_SET, NULL, 0, 0);
            continue;
        }
        // The cell as an image of its own, a little inside its borders and
        // on a white margin: given as a rectangle of the page, Tesseract
        // reads some cells as empty (a clean 預算經費 header among them).
        int32_t inset = 2, margin = dpi / 15;
        BOX *inner = w > 2 * inset && h > 2 * inset ? leptonica.boxCreate(x + inset, y + inset, w - 2 * inset, h - 2 * inset) : NULL;
        PIX *clip = inner != NULL ? leptonica.pixClipRectangle(pix, inner, NULL) : NULL;
        leptonica.boxDestroy(&inner);
        PIX *cell = clip != NULL ? leptonica.pixAddBorder(clip, margin, 255) : NULL;
        leptonica.pixDestroy(&clip);
        if (cell == NULL) continue;
        int32_t dx = x + inset - margin, dy = y + inset - margin;
        size_t before = page->symbol_count;
        rc = recognise(engine, cell, binary, dpi, PSM_SINGLE_BLOCK, dx, dy, page, &line, &word, &confidence_sum,
                       message, capacity);
        // A block of one short line is sometimes given no text at all:
        // once more as a line, and failing that, left to the page's pass.
        if (rc == 0 && page->symbol_count == before) {
            rc = recognise(engine, cell, binary, dpi, PSM_SINGLE_LINE, dx, dy, page, &line, &word, &confidence_sum,
                           message, capacity);
        }
        if (engine->primary_image == cell) engine->primary_image = NULL;
        leptonica.pixDestroy(&cell);
        if (page->symbol_count > before) leptonica.pixRasterop(rest, x, y, w, h, PIX_SET, NULL, 0, 0);
    }
    if (rc == 0) {
        // One column of text of varying sizes, not Tesseract's own layout
        // analysis (PSM_AUTO): that cuts an unruled schedule's time column
        // at its colons into blocks (12: | 00~13: | 00, the ~ lost), takes
        // the hanging numerals of a numbered list (一、二、三、) for a column
        // of their own and drops or misplaces them, and breaks a short
        // spaced-out heading into specks. The glyphs keep their boxes, and
        // the layout stage finds columns and reading order from them as it
        // does for a PDF's glyphs. (A page of vertical writing, turned,
        // is read as one block: as one column it loses a heading of large
        // spaced characters, 澎湖縣政府, and runs two columns of a letter's
        // head into one line; Tesseract's layout analysis takes the turned
        // columns of a clean page for vertical text and gives no boxes.)
        rc = recognise(engine, rest, binary, dpi, rest_mode, 0, 0, page, &line, &word, &confidence_sum, message,
                       capacity);
    }
    leptonica.pixDestroy(&binary);
    leptonica.pixDestroy(&rest);
    leptonica.boxaDestroy(&cells);
    page->mean_confidence = page->symbol_count > 0 ? (float)(confidence_sum / page->symbol_count) : 0;
    return rc;
}

/// The box of the page upright for one of the page turned a quarter
/// anticlockwise (`width`: the upright page's): (x, y) there is
/// (width - 1 - y, x) here.
static gz_ocr_box upright_box(gz_ocr_box b, int32_t width) {
    return (gz_ocr_box){width - b.y1, b.x0, width - b.y0, b.x1};
}

/// Recognises a page in vertical writing. Its columns are read as lines
/// of the page turned a quarter anticlockwise (the top of a column at its
/// left) by the vertical models, which read text set that way: given the
/// upright page (PSM_SINGLE_BLOCK_VERT_TEXT), Tesseract 5 turns each
/// column itself but gives every symbol a box of no width at x 0 and
/// along the wrong axis. The cells of its rulings are found in the turned
/// page as in any other; symbols and line boxes are turned back upright,
/// in reading order (columns right to left, each top to bottom).
static int recognise_vertical(gz_ocr_engine *engine, PIX *pix, int32_t dpi, gz_ocr_page *page, char *message,
                              size_t capacity) {
    int32_t width = page->width, height = page->height;
    PIX *turned = leptonica.pixRotateOrth(pix, 3);
    gz_ocr_ruling *upright = page->rulings;
    size_t count = page->ruling_count;
    gz_ocr_ruling *across = count > 0 ? malloc(count * sizeof *across) : NULL;
    if (turned == NULL || (count > 0 && across == NULL)) {
        leptonica.pixDestroy(&turned);
        free(across);
        set_message(message, capacity, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < count; i++) {
        gz_ocr_ruling r = upright[i], t = r;
        t.orientation = !r.orientation;
        if (r.orientation == 0) {  // a horizontal rule at y is a vertical one at x' = y
            t.start = width - 1 - r.end;
            t.end = width - 1 - r.start;
        } else {  // a vertical rule at x is a horizontal one at y' = width - 1 - x
            t.position = width - 1 - r.position;
        }
        across[i] = t;
    }
    page->rulings = across;
    page->width = height;
    page->height = width;
    gz_ocr_engine columns = *engine;
    if (!engine->always_vertical) columns.api = engine->vertical;
    columns.primary_language = NULL;  // one language: no line is read again
    int rc = recognise_page(&columns, turned, dpi, PSM_SINGLE_BLOCK, page, message, capacity);
    page->rulings = upright;
    page->width = width;
    page->height = height;
    free(across);
    leptonica.pixDestroy(&turned);
    for (size_t i = 0; i < page->symbol_count; i++) {
        page->symbols[i].box = upright_box(page->symbols[i].box, width);
        page->symbols[i].line = upright_box(page->symbols[i].line, width);
    }
    return rc;
}

gz_ocr_page *gz_ocr_read(gz_ocr_engine *engine, const uint8_t *grey, int32_t width, int32_t height,
                         int32_t stride, int32_t dpi, uint32_t flags, char *message, size_t capacity) {
    if (engine == NULL || grey == NULL || width <= 0 || height <= 0 || stride < width || dpi <= 0) {
        set_message(message, capacity, "no image");
        return NULL;
    }
    gz_ocr_page *page = calloc(1, sizeof *page);
    PIX *pix = grey_pix(grey, width, height, stride);
    if (page == NULL || pix == NULL) {
        free(page);
        leptonica.pixDestroy(&pix);
        set_message(message, capacity, "out of memory for the page image");
        return NULL;
    }
    leptonica.pixSetResolution(pix, dpi, dpi);

    if (flags & GZ_OCR_ORIENT) {
        float confidence = 0;
        int32_t turn = detect_turn(engine, pix, dpi, &confidence);
        page->orientation_confidence = confidence;
        // Below this OSD guesses (a page of few characters, a table grid).
        if (turn > 0 && confidence >= 2.0f) {
            PIX *turned = leptonica.pixRotateOrth(pix, turn / 90);
            if (turned != NULL) {
                leptonica.pixDestroy(&pix);
                pix = turned;
                page->turn = turn;
            }
        }
    }
    if (flags & GZ_OCR_DESKEW) {
        // Leptonica's own deskew wants a confidence of 3, which a page of a
        // few lines of CJK text (no word gaps) seldom reaches: a clean page
        // turned 1.5° scores 2.4. Its search (±7°, to 0.1°) is used as is.
        PIX *binary = leptonica.pixConvertTo1(pix, 130);
        PIX *reduced = binary != NULL ? leptonica.pixReduceRankBinaryCascade(binary, 1, 0, 0, 0) : NULL;
        l_float32 angle = 0, confidence = 0;
        if (reduced != NULL && leptonica.pixFindSkew(reduced, &angle, &confidence) == 0 && confidence >= 1.5f &&
            fabsf(angle) >= 0.1f) {
            PIX *straight = leptonica.pixRotate(pix, (l_float32)(angle * M_PI / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
            if (straight != NULL) {
                leptonica.pixDestroy(&pix);
                pix = straight;
                page->skew = angle;
            }
        }
        leptonica.pixDestroy(&reduced);
        leptonica.pixDestroy(&binary);
    }
    page->width = leptonica.pixGetWidth(pix);
    page->height = leptonica.pixGetHeight(pix);

    if (flags & GZ_OCR_RULINGS) {
        // Table borders: at least 0.4 in across or 0.28 in down (a one-line
        // row), at most 1/40 in thick; one that meets no other must be
        // longer than any stroke of large text (1 in across, 0.6 in down).
        int32_t min_h = dpi * 2 / 5, min_v = dpi * 7 / 25, max_thickness = dpi / 40 + 2;
        size_t count = 0;
        if (rulings_of(pix, min_h, min_v, dpi, dpi * 3 / 5, max_thickness, &page->rulings, &count) == 0) {
            page->ruling_count = count;
            whiten(pix, page->rulings, count);
        }
    }

    if (engine->always_vertical) {
        page->vertical = 1;
    } else if ((flags & GZ_OCR_WRITING) && engine->vertical_languages != NULL && is_vertical_writing(engine, pix, dpi)) {
        page->vertical = vertical_engine(engine) != NULL;
    }
    int rc = page->vertical ? recognise_vertical(engine, pix, dpi, page, message, capacity)
                            : recognise_page(engine, pix, dpi, PSM_SINGLE_COLUMN, page, message, capacity);
    if (engine->primary != NULL) tesseract.TessBaseAPIClear(engine->primary);
    engine->primary_image = NULL;
    leptonica.pixDestroy(&pix);
    if (rc != 0) {
        gz_ocr_page_free(page);
        return NULL;
    }
    return page;
}

void gz_ocr_page_free(gz_ocr_page *page) {
    if (page == NULL) return;
    free(page->symbols);
    free(page->text);
    free(page->rulings);
    free(page);
}

int32_t gz_ocr_page_width(const gz_ocr_page *page) { return page->width; }
int32_t gz_ocr_page_height(const gz_ocr_page *page) { return page->height; }
int32_t gz_ocr_page_turn(const gz_ocr_page *page) { return page->turn; }
int32_t gz_ocr_page_vertical(const gz_ocr_page *page) { return page->vertical; }
float gz_ocr_page_orientation_confidence(const gz_ocr_page *page) { return page->orientation_confidence; }
float gz_ocr_page_skew(const gz_ocr_page *page) { return page->skew; }
float gz_ocr_page_mean_confidence(const gz_ocr_page *page) { return page->mean_confidence; }

const gz_ocr_symbol *gz_ocr_page_symbols(const gz_ocr_page *page, size_t *count) {
    *count = page->symbol_count;
    return page->symbols;
}

const char *gz_ocr_page_text(const gz_ocr_page *page, size_t *length) {
    *length = page->text_length;
    return page->text;
}

const gz_ocr_ruling *gz_ocr_page_rulings(const gz_ocr_page *page, size_t *count) {
    *count = page->ruling_count;
    return page->rulings;
}
