// The read stage's single pass over a page, on poppler's private C++ API.
//
// Why an OutputDev and not poppler-glib: poppler-glib gives text and glyph
// boxes but no paths, so table rulings would have to come from rendering the
// page (to a cairo recording surface or a raster) and reading the result
// back. Rendering costs far more than reading text: the team measured 0.65 s
// for the text of a 392-page budget book against 3.9 s for a 20-dpi render,
// six times more, before any segment is found. This pass, measured here on
// the 380-page cbpp__moa-fund-115.pdf: 0.73 s for glyphs, rulings and images
// together, against 1.15 s for `pdftotext -bbox-layout` (bench/RESULTS.md
// has the whole corpus). Poppler's Gfx interprets each content stream once
// and calls us for every glyph and every path, so glyphs and rulings come
// from the same pass, images are never decoded and nothing is rasterised.

#include "gazette_poppler.h"

#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <OutputDev.h>
#include <GfxState.h>
#include <GfxFont.h>
#include <Error.h>
#include <ErrorCodes.h>
#include <PDFDocEncoding.h>
#include <XRef.h>
#include <goo/GooString.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

// Poppler reports problems through one global callback; the page being read
// on this thread collects them.
thread_local std::vector<std::string> *currentProblems = nullptr;
thread_local std::vector<std::string> *currentMissingCollections = nullptr;
thread_local size_t *currentFailedShows = nullptr;
thread_local std::string *lastOpenError = nullptr;

// The character collection named in poppler's report that a CID font's CMap
// or CID-to-Unicode table is not installed ("Missing language pack for
// 'Adobe-CNS1' mapping", "Couldn't find 'UniCNS-UCS2-H' CMap file for
// 'Adobe-CNS1' collection"): the font's text cannot be decoded. Empty when
// the message is about something else.
std::string missingCollection(const std::string &text)
{
    static const std::string pack = "Missing language pack for '";
    static const std::string cmap = "' collection";
    if (text.compare(0, pack.size(), pack) == 0) {
        size_t end = text.find('\'', pack.size());
        return end == std::string::npos ? std::string() : text.substr(pack.size(), end - pack.size());
    }
    if (text.compare(0, 13, "Couldn't find") == 0 && text.find("CMap file for '") != std::string::npos) {
        size_t start = text.find("CMap file for '") + 15;
        size_t end = text.find(cmap, start);
        return end == std::string::npos ? std::string() : text.substr(start, end - start);
    }
    return std::string();
}

void errorCallback(ErrorCategory category, Goffset pos, const char *msg)
{
    if (category == errInternal && msg == nullptr)
        return;
    std::string text = msg ? msg : "unknown problem";
    if (pos >= 0)
        text += " (at byte " + std::to_string((long long)pos) + ")";
    // Gfx says "No font in show" (or "... in show/space") for each text
    // operator whose font could not be loaded: text the page has and we lose.
    if (currentFailedShows && text.compare(0, 15, "No font in show") == 0)
        ++*currentFailedShows;
    if (currentMissingCollections) {
        std::string collection = missingCollection(text);
        if (!collection.empty()
            && std::find(currentMissingCollections->begin(), currentMissingCollections->end(), collection)
                == currentMissingCollections->end())
            currentMissingCollections->push_back(collection);
    }
    if (currentProblems && currentProblems->size() < 50)
        currentProblems->push_back(text);
    if (lastOpenError && lastOpenError->empty())
        *lastOpenError = text;
}

std::once_flag initOnce;

void initialise()
{
    std::call_once(initOnce, [] {
        // GAZETTE_POPPLER_DATA names a poppler-data directory other than the
        // system's (a relocated install, or a test of a machine without it).
        const char *data = std::getenv("GAZETTE_POPPLER_DATA");
        if (data && *data)
            GlobalParamsIniter::setCustomDataDir(data);
        // Through poppler's own counter, held for the life of the process:
        // poppler-glib (page rendering for OCR and `inspect`) counts its
        // documents on the same counter and deletes globalParams when its
        // last one closes, which would leave this shim reading the next
        // PDF with none.
        static GlobalParamsIniter *keeper = new GlobalParamsIniter(errorCallback);
        (void)keeper;
        globalParams->setErrQuiet(false);
        setErrorCallback(errorCallback);
    });
}

void writeMessage(char *buffer, size_t capacity, const std::string &text)
{
    if (!buffer || capacity == 0)
        return;
    size_t n = std::min(capacity - 1, text.size());
    std::memcpy(buffer, text.data(), n);
    buffer[n] = 0;
}

void appendUTF8(std::string &out, uint32_t c)
{
    if (c < 0x80) {
        out += (char)c;
    } else if (c < 0x800) {
        out += (char)(0xC0 | (c >> 6));
        out += (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += (char)(0xE0 | (c >> 12));
        out += (char)(0x80 | ((c >> 6) & 0x3F));
        out += (char)(0x80 | (c & 0x3F));
    } else {
        out += (char)(0xF0 | (c >> 18));
        out += (char)(0x80 | ((c >> 12) & 0x3F));
        out += (char)(0x80 | ((c >> 6) & 0x3F));
        out += (char)(0x80 | (c & 0x3F));
    }
}

// A PDF text string (UTF-16BE with BOM, UTF-8 with BOM, or PDFDocEncoding) as UTF-8.
std::string textStringToUTF8(const std::string &s)
{
    std::string out;
    if (s.size() >= 2 && (unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF) {
        for (size_t i = 2; i + 1 < s.size(); i += 2) {
            uint32_t u = ((unsigned char)s[i] << 8) | (unsigned char)s[i + 1];
            if (u >= 0xD800 && u < 0xDC00 && i + 3 < s.size()) {
                uint32_t lo = ((unsigned char)s[i + 2] << 8) | (unsigned char)s[i + 3];
                if (lo >= 0xDC00 && lo < 0xE000) {
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                    i += 2;
                }
            }
            if (u != 0)
                appendUTF8(out, u);
        }
        return out;
    }
    if (s.size() >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
        return s.substr(3);
    for (unsigned char c : s) {
        uint32_t u = pdfDocEncoding[c];
        if (u != 0)
            appendUTF8(out, u);
    }
    return out;
}

uint32_t packRGB(const GfxRGB &rgb)
{
    auto byte = [](GfxColorComp c) -> uint32_t {
        double d = colToDbl(c);
        if (d < 0) d = 0;
        if (d > 1) d = 1;
        return (uint32_t)std::lround(d * 255);
    };
    return (byte(rgb.r) << 16) | (byte(rgb.g) << 8) | byte(rgb.b);
}

bool isNearWhite(uint32_t rgb)
{
    return ((rgb >> 16) & 0xFF) > 245 && ((rgb >> 8) & 0xFF) > 245 && (rgb & 0xFF) > 245;
}

struct Point {
    double x, y;
};

// What a page's content stream drew, in device space (points, top-left
// origin): what the output device collects and the page hands out.
struct PageContents {
    std::vector<GZGlyph> glyphs;
    std::vector<uint32_t> text;
    std::vector<GZRuling> rulings;
    std::vector<GZBox> images;
    std::vector<GZBox> filledBoxes;
    std::vector<std::string> fontNames;
    size_t unmapped = 0;
    // Glyphs with no Unicode mapping (no text: box, font and size only).
    std::vector<GZGlyph> unmappedGlyphs;
};

// Collects a page's contents in one pass of poppler's Gfx.
class CollectingOutputDev : public OutputDev, public PageContents
{
public:
    double pageWidth = 0, pageHeight = 0;
    size_t duplicates = 0;

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return true; }
    bool interpretType3Chars() override { return false; }
    bool needNonText() override { return true; }

    void startPage(int, GfxState *state, XRef *) override
    {
        if (state) {
            pageWidth = state->getPageWidth();
            pageHeight = state->getPageHeight();
        }
    }

    // ----- text

    void beginActualText(GfxState *, const GooString *actual) override
    {
        actualText.clear();
        inActualText = true;
        actualFirstGlyph = glyphs.size();
        if (actual)
            actualText = textStringToUTF32(actual->toStr());
    }

    void endActualText(GfxState *) override
    {
        if (!inActualText)
            return;
        inActualText = false;
        if (glyphs.size() <= actualFirstGlyph) {
            // ActualText with no glyph drawn (e.g. a space): nothing to place.
            return;
        }
        // Replace the span's glyphs by one glyph with the ActualText.
        GZGlyph merged = glyphs[actualFirstGlyph];
        for (size_t i = actualFirstGlyph + 1; i < glyphs.size(); ++i) {
            merged.x0 = std::min(merged.x0, glyphs[i].x0);
            merged.y0 = std::min(merged.y0, glyphs[i].y0);
            merged.x1 = std::max(merged.x1, glyphs[i].x1);
            merged.y1 = std::max(merged.y1, glyphs[i].y1);
        }
        text.resize(merged.text_offset);
        glyphs.resize(actualFirstGlyph);
        if (actualText.empty())
            return;
        merged.text_length = (uint32_t)actualText.size();
        merged.flags |= GZ_GLYPH_ACTUALTEXT;
        text.insert(text.end(), actualText.begin(), actualText.end());
        glyphs.push_back(merged);
    }

    void drawChar(GfxState *state, double x, double y, double dx, double dy, double, double, CharCode code, int nBytes, const Unicode *u, int uLen) override
    {
        const std::shared_ptr<GfxFont> &font = state->getFont();
        if (!font)
            return;
        const bool mapped = uLen > 0 && u != nullptr;
        const double fontSize = state->getFontSize();
        const double *tm = state->getTextMat();
        const double hs = state->getHorizScaling();
        const bool vertical = font->getWMode() == 1;

        double ascent = font->getAscent(), descent = font->getDescent();
        if (!(ascent > 0.05 && ascent < 1.5)) ascent = 0.95;
        if (!(descent < 0.05 && descent > -1.0)) descent = -0.35;
        // Text-space unit vectors of one font size, through Tm and the CTM.
        double upX, upY, rightX, rightY;
        state->transformDelta(tm[2] * fontSize, tm[3] * fontSize, &upX, &upY);
        state->transformDelta(tm[0] * fontSize * hs, tm[1] * fontSize * hs, &rightX, &rightY);

        double px, py, ax, ay;
        state->transform(x, y, &px, &py);
        // The advance includes character spacing (Tc, and Tw after a space):
        // justified and letter-spaced text puts its gaps there. The glyph's
        // box is the glyph alone, so take the spacing off again.
        double spacing = state->getCharSpace();
        if (code == 32 && nBytes == 1)
            spacing += state->getWordSpace();
        if (!vertical && spacing != 0) {
            double sx, sy;
            state->textTransformDelta(spacing * hs, 0, &sx, &sy);
            dx -= sx;
            dy -= sy;
        }
        state->transformDelta(dx, dy, &ax, &ay);

        Point corners[4];
        if (!vertical) {
            if (std::hypot(ax, ay) < 1e-6 * (1 + std::hypot(rightX, rightY))) {
                // A zero-advance glyph (a combining mark, or a font with no
                // widths): give it a sliver of width so it has a box.
                ax = rightX * 0.1;
                ay = rightY * 0.1;
            }
            corners[0] = {px + upX * descent, py + upY * descent};
            corners[1] = {px + upX * ascent, py + upY * ascent};
            corners[2] = {px + ax + upX * descent, py + ay + upY * descent};
            corners[3] = {px + ax + upX * ascent, py + ay + upY * ascent};
        } else {
            // Vertical writing: the glyph hangs below its origin, centred on it.
            if (std::hypot(ax, ay) < 1e-6) {
                ax = -upX;
                ay = -upY;
            }
            corners[0] = {px - rightX * 0.5, py - rightY * 0.5};
            corners[1] = {px + rightX * 0.5, py + rightY * 0.5};
            corners[2] = {px + ax - rightX * 0.5, py + ay - rightY * 0.5};
            corners[3] = {px + ax + rightX * 0.5, py + ay + rightY * 0.5};
        }
        double x0 = corners[0].x, x1 = x0, y0 = corners[0].y, y1 = y0;
        for (int i = 1; i < 4; ++i) {
            x0 = std::min(x0, corners[i].x);
            x1 = std::max(x1, corners[i].x);
            y0 = std::min(y0, corners[i].y);
            y1 = std::max(y1, corners[i].y);
        }
        if (!std::isfinite(x0) || !std::isfinite(y0) || !std::isfinite(x1) || !std::isfinite(y1))
            return;
        // Like pdftotext, drop glyphs wholly outside the page.
        if (x1 < 0 || y1 < 0 || x0 > pageWidth || y0 > pageHeight) {
            if (!mapped)
                ++unmapped;
            return;
        }
        if (!mapped) {
            // Left out of the text, but where it was drawn and in which
            // font is kept: the check for garbled text layers counts them,
            // and OCR reads their area.
            ++unmapped;
            GZGlyph g{};
            g.font = fontIndex(font.get());
            g.x0 = (float)x0;
            g.y0 = (float)y0;
            g.x1 = (float)x1;
            g.y1 = (float)y1;
            g.size = (float)std::hypot(upX, upY);
            unmappedGlyphs.push_back(g);
            return;
        }

        if (GZGlyph *original = overprinted(u, uLen, x0, y0, x1, y1)) {
            // The copy is dropped, but the original is marked as drawn bold.
            original->flags |= GZ_GLYPH_FAKE_BOLD;
            ++duplicates;
            return;
        }

        GZGlyph g;
        g.text_offset = (uint32_t)text.size();
        g.text_length = (uint32_t)uLen;
        g.font = fontIndex(font.get());
        int render = state->getRender() & 3;
        GfxRGB rgb;
        if (render == 1)
            state->getStrokeRGB(&rgb);
        else
            state->getFillRGB(&rgb);
        g.color = packRGB(rgb);
        g.x0 = (float)x0;
        g.y0 = (float)y0;
        g.x1 = (float)x1;
        g.y1 = (float)y1;
        g.size = (float)std::hypot(upX, upY);
        // The direction the text runs: along the advance (down the page for
        // vertical writing), or along the baseline when there is no advance.
        double dirX = vertical ? ax : rightX, dirY = vertical ? ay : rightY;
        g.angle = (float)(std::atan2(-dirY, dirX) * 180.0 / M_PI);
        g.opacity = (float)(render == 1 ? state->getStrokeOpacity() : state->getFillOpacity());
        g.flags = (render == 3 ? GZ_GLYPH_INVISIBLE : 0) | (vertical ? GZ_GLYPH_VERTICAL : 0) |
                  (render == 2 ? GZ_GLYPH_FAKE_BOLD : 0);
        for (int i = 0; i < uLen; ++i)
            text.push_back(u[i]);
        glyphs.push_back(g);
    }

    // ----- paths

    void stroke(GfxState *state) override
    {
        const GfxPath *path = state->getPath();
        if (!path)
            return;
        GfxRGB rgb;
        state->getStrokeRGB(&rgb);
        uint32_t color = packRGB(rgb);
        if (isNearWhite(color) || state->getStrokeOpacity() < 0.05)
            return;
        double width = state->getTransformedLineWidth();
        if (width < 0.1)
            width = 0.1; // a hairline: one device pixel
        for (int i = 0; i < path->getNumSubpaths(); ++i) {
            const GfxSubpath *sub = path->getSubpath(i);
            int n = sub->getNumPoints();
            for (int j = 0; j + 1 < n; ++j) {
                if (sub->getCurve(j) || sub->getCurve(j + 1))
                    continue;
                double ax, ay, bx, by;
                state->transform(sub->getX(j), sub->getY(j), &ax, &ay);
                state->transform(sub->getX(j + 1), sub->getY(j + 1), &bx, &by);
                addSegment(ax, ay, bx, by, width, color, 0);
            }
        }
    }

    void fill(GfxState *state) override { fillPath(state); }
    void eoFill(GfxState *state) override { fillPath(state); }

    // ----- images: record where they are, never decode them

    void drawImageMask(GfxState *state, Object *ref, Stream *str, int width, int height, bool invert, bool interpolate, bool inlineImg) override
    {
        recordImage(state);
        OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
    }

    void drawImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap, bool interpolate, const int *maskColors, bool inlineImg) override
    {
        recordImage(state);
        OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
    }

    void drawMaskedImage(GfxState *state, Object *, Stream *, int, int, GfxImageColorMap *, bool, Stream *, int, int, bool, bool) override { recordImage(state); }

    void drawSoftMaskedImage(GfxState *state, Object *, Stream *, int, int, GfxImageColorMap *, bool, Stream *, int, int, GfxImageColorMap *, bool) override { recordImage(state); }

private:
    std::unordered_map<const GfxFont *, uint32_t> fontIndices;
    bool inActualText = false;
    size_t actualFirstGlyph = 0;
    std::vector<uint32_t> actualText;

    static std::vector<uint32_t> textStringToUTF32(const std::string &s)
    {
        std::string utf8 = textStringToUTF8(s);
        std::vector<uint32_t> out;
        for (size_t i = 0; i < utf8.size();) {
            unsigned char c = utf8[i];
            uint32_t u;
            int len;
            if (c < 0x80) { u = c; len = 1; }
            else if ((c >> 5) == 6) { u = c & 0x1F; len = 2; }
            else if ((c >> 4) == 14) { u = c & 0x0F; len = 3; }
            else if ((c >> 3) == 30) { u = c & 0x07; len = 4; }
            else { ++i; continue; }
            if (i + len > utf8.size()) break;
            for (int k = 1; k < len; ++k) u = (u << 6) | (utf8[i + k] & 0x3F);
            i += len;
            out.push_back(u);
        }
        return out;
    }

    // Fake bold: the same character drawn again over itself, a fraction of a
    // point away. Like pdftotext, keep one copy. Only recent glyphs are
    // checked: producers draw the copy right after the original (per glyph
    // or per string).
    GZGlyph *overprinted(const Unicode *u, int uLen, double x0, double y0, double x1, double y1)
    {
        const size_t window = 64;
        const double w = x1 - x0, h = y1 - y0;
        const double tolX = std::max(0.25 * w, 0.5), tolY = std::max(0.25 * h, 0.5);
        size_t first = glyphs.size() > window ? glyphs.size() - window : 0;
        for (size_t i = glyphs.size(); i-- > first;) {
            GZGlyph &g = glyphs[i];
            if ((int)g.text_length != uLen || std::fabs(g.x0 - x0) > tolX || std::fabs(g.y0 - y0) > tolY || std::fabs(g.x1 - x1) > tolX || std::fabs(g.y1 - y1) > tolY)
                continue;
            if (std::equal(u, u + uLen, text.begin() + g.text_offset))
                return &g;
        }
        return nullptr;
    }

    uint32_t fontIndex(const GfxFont *font)
    {
        auto it = fontIndices.find(font);
        if (it != fontIndices.end())
            return it->second;
        uint32_t index = (uint32_t)fontNames.size();
        const std::optional<std::string> &name = font->getName();
        fontNames.push_back(name ? *name : std::string());
        fontIndices.emplace(font, index);
        return index;
    }

    void recordImage(GfxState *state)
    {
        double xs[4], ys[4];
        state->transform(0, 0, &xs[0], &ys[0]);
        state->transform(1, 0, &xs[1], &ys[1]);
        state->transform(0, 1, &xs[2], &ys[2]);
        state->transform(1, 1, &xs[3], &ys[3]);
        GZBox box {(float)*std::min_element(xs, xs + 4), (float)*std::min_element(ys, ys + 4), (float)*std::max_element(xs, xs + 4), (float)*std::max_element(ys, ys + 4)};
        images.push_back(box);
    }

    // An axis-aligned segment becomes a ruling; anything slanted is ignored.
    void addSegment(double ax, double ay, double bx, double by, double thickness, uint32_t color, uint8_t source)
    {
        double dx = std::fabs(bx - ax), dy = std::fabs(by - ay);
        const double slack = 0.75;
        if (dx < 0.01 && dy < 0.01)
            return;
        GZRuling r;
        r.thickness = (float)thickness;
        r.color = color;
        r.source = source;
        if (dy <= slack && dx > dy * 8) {
            r.orientation = 0;
            r.position = (float)((ay + by) / 2);
            r.start = (float)std::min(ax, bx);
            r.end = (float)std::max(ax, bx);
        } else if (dx <= slack && dy > dx * 8) {
            r.orientation = 1;
            r.position = (float)((ax + bx) / 2);
            r.start = (float)std::min(ay, by);
            r.end = (float)std::max(ay, by);
        } else {
            return;
        }
        // Keep only what is on the page.
        double limit = r.orientation == 0 ? pageWidth : pageHeight;
        double across = r.orientation == 0 ? pageHeight : pageWidth;
        if (r.position < -1 || r.position > across + 1 || r.end < 0 || r.start > limit)
            return;
        r.start = (float)std::max(0.0, (double)r.start);
        r.end = (float)std::min(limit, (double)r.end);
        rulings.push_back(r);
    }

    // A filled polygon of straight edges whose extent is thin and long is a
    // ruling too: LibreOffice draws cell borders as flat hexagons, their
    // ends mitered where rules meet.
    void thinPolygon(GfxState *state, const GfxSubpath *sub, uint32_t color)
    {
        int n = sub->getNumPoints();
        double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
        for (int j = 0; j < n; ++j) {
            if (sub->getCurve(j))
                return;
            double x, y;
            state->transform(sub->getX(j), sub->getY(j), &x, &y);
            x0 = std::min(x0, x); x1 = std::max(x1, x);
            y0 = std::min(y0, y); y1 = std::max(y1, y);
        }
        double w = x1 - x0, h = y1 - y0;
        const double thin = 2.0;
        if (h <= thin && w >= 8 && w > h * 8) {
            addSegment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2, std::max(h, 0.1), color, 1);
        } else if (w <= thin && h >= 8 && h > w * 8) {
            addSegment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1, std::max(w, 0.1), color, 1);
        }
    }

    // The box of a subpath that is an axis-aligned rectangle (4 or 5 points, straight edges).
    static bool axisAlignedBox(GfxState *state, const GfxSubpath *sub, double *x0, double *y0, double *x1, double *y1)
    {
        int n = sub->getNumPoints();
        if (n < 4 || n > 5)
            return false;
        double xs[5], ys[5];
        for (int j = 0; j < n; ++j) {
            if (sub->getCurve(j))
                return false;
            state->transform(sub->getX(j), sub->getY(j), &xs[j], &ys[j]);
        }
        for (int j = 0; j < 4; ++j) {
            int k = (j + 1) % 4;
            if (std::fabs(xs[k] - xs[j]) > 0.3 && std::fabs(ys[k] - ys[j]) > 0.3)
                return false;
        }
        *x0 = *std::min_element(xs, xs + 4); *x1 = *std::max_element(xs, xs + 4);
        *y0 = *std::min_element(ys, ys + 4); *y1 = *std::max_element(ys, ys + 4);
        return true;
    }

    // A white box painted over rules: it hides the parts of the rulings
    // recorded before it that lie inside it by more than a point (rules
    // along its edges stay), and none drawn after it. Boxes are kept and
    // applied once the page is read (`visibleRulings`), not one by one over
    // every ruling so far: a spreadsheet page paints thousands of them.
    struct Eraser {
        double x0, y0, x1, y1;
        size_t rulingsBefore;
    };
    std::vector<Eraser> erasers;

    void eraseRulings(double x0, double y0, double x1, double y1)
    {
        const double inset = 1.0;
        x0 += inset; y0 += inset; x1 -= inset; y1 -= inset;
        if (x1 <= x0 || y1 <= y0)
            return;
        erasers.push_back({x0, y0, x1, y1, rulings.size()});
    }

    // The pieces of `r` outside the box, in order along it.
    static void cut(const GZRuling &r, const Eraser &e, std::vector<GZRuling> &out)
    {
        double across0 = r.orientation == 0 ? e.y0 : e.x0, across1 = r.orientation == 0 ? e.y1 : e.x1;
        double along0 = r.orientation == 0 ? e.x0 : e.y0, along1 = r.orientation == 0 ? e.x1 : e.y1;
        if (r.position <= across0 || r.position >= across1 || r.end <= along0 || r.start >= along1) {
            out.push_back(r);
            return;
        }
        if (r.start < along0 - 0.5) {
            GZRuling a = r;
            a.end = (float)along0;
            out.push_back(a);
        }
        if (r.end > along1 + 0.5) {
            GZRuling b = r;
            b.start = (float)along1;
            out.push_back(b);
        }
    }

    // The boxes of the page in a grid of cells, so that a ruling meets only
    // the boxes of the cells it runs through.
    class EraserGrid
    {
    public:
        EraserGrid(const std::vector<Eraser> &erasers, double width, double height)
            : width(std::max(width, 1.0)), height(std::max(height, 1.0))
        {
            n = (int)std::min<size_t>(64, std::max<size_t>(1, (size_t)std::ceil(std::sqrt((double)erasers.size()))));
            cells.resize((size_t)n * n);
            for (size_t k = 0; k < erasers.size(); ++k) {
                const Eraser &e = erasers[k];
                int cx0 = cell(e.x0, this->width), cx1 = cell(e.x1, this->width);
                int cy0 = cell(e.y0, this->height), cy1 = cell(e.y1, this->height);
                for (int cy = cy0; cy <= cy1; ++cy)
                    for (int cx = cx0; cx <= cx1; ++cx)
                        cells[(size_t)cy * n + cx].push_back((uint32_t)k);
            }
        }

        // The boxes that may cut `r` (those whose cells it runs through), in
        // the order they were painted.
        void candidates(const GZRuling &r, std::vector<uint32_t> &out) const
        {
            out.clear();
            bool horizontal = r.orientation == 0;
            int across = cell(r.position, horizontal ? height : width);
            int from = cell(r.start, horizontal ? width : height), to = cell(r.end, horizontal ? width : height);
            for (int along = from; along <= to; ++along) {
                const std::vector<uint32_t> &c = horizontal ? cells[(size_t)across * n + along] : cells[(size_t)along * n + across];
                out.insert(out.end(), c.begin(), c.end());
            }
            std::sort(out.begin(), out.end());
            out.erase(std::unique(out.begin(), out.end()), out.end());
        }

    private:
        double width, height;
        int n;
        std::vector<std::vector<uint32_t>> cells;

        // The cell of a coordinate; one outside the page (or not finite)
        // falls in the nearest edge cell, so cells keep the order of
        // coordinates.
        int cell(double v, double extent) const
        {
            if (!(v > 0))
                return 0;
            double c = v / extent * n;
            return c < n ? (int)c : n - 1;
        }
    };

public:
    // The rulings as drawn: each one cut by the white boxes painted after
    // it, in the order they were painted (the pieces of a ruling in its
    // place, in order along it).
    std::vector<GZRuling> visibleRulings()
    {
        if (erasers.empty())
            return std::move(rulings);
        EraserGrid grid(erasers, pageWidth, pageHeight);
        std::vector<GZRuling> out, pieces, next;
        out.reserve(rulings.size());
        std::vector<uint32_t> candidates;
        for (size_t i = 0; i < rulings.size(); ++i) {
            const GZRuling &r = rulings[i];
            if (std::isfinite(r.position) && std::isfinite(r.start) && std::isfinite(r.end)) {
                grid.candidates(r, candidates);
            } else {
                candidates.resize(erasers.size());
                for (size_t k = 0; k < erasers.size(); ++k)
                    candidates[k] = (uint32_t)k;
            }
            pieces.assign(1, r);
            for (uint32_t k : candidates) {
                if (erasers[k].rulingsBefore <= i)
                    continue;
                next.clear();
                for (const GZRuling &p : pieces)
                    cut(p, erasers[k], next);
                pieces.swap(next);
                if (pieces.empty())
                    break;
            }
            out.insert(out.end(), pieces.begin(), pieces.end());
        }
        return out;
    }

private:
    // A filled subpath that is a thin axis-aligned rectangle is a ruling (the
    // way Word draws borders); a larger one is a box (shading, a frame).
    void fillPath(GfxState *state)
    {
        const GfxPath *path = state->getPath();
        if (!path)
            return;
        GfxRGB rgb;
        state->getFillRGB(&rgb);
        uint32_t color = packRGB(rgb);
        if (state->getFillOpacity() < 0.05)
            return;
        // A white box painted over rules hides them (a spreadsheet's filled
        // cell drawn over the grid of the table below it): what it covers
        // is no longer drawn.
        bool eraser = isNearWhite(color);
        if (eraser && state->getFillOpacity() < 0.95)
            return;
        for (int i = 0; i < path->getNumSubpaths(); ++i) {
            const GfxSubpath *sub = path->getSubpath(i);
            int n = sub->getNumPoints();
            if (eraser) {
                double bx0, by0, bx1, by1;
                if (axisAlignedBox(state, sub, &bx0, &by0, &bx1, &by1) && bx1 - bx0 > 3 && by1 - by0 > 3)
                    eraseRulings(bx0, by0, bx1, by1);
                continue;
            }
            if (n >= 3 && n <= 16 && (n < 4 || n > 5)) {
                thinPolygon(state, sub, color);
                continue;
            }
            double x0, y0, x1, y1;
            if (!axisAlignedBox(state, sub, &x0, &y0, &x1, &y1))
                continue;
            double w = x1 - x0, h = y1 - y0;
            const double thin = 3.0;
            if (h <= thin && w > h * 2 && w >= 2) {
                addSegment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2, std::max(h, 0.1), color, 1);
            } else if (w <= thin && h > w * 2 && h >= 2) {
                addSegment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1, std::max(w, 0.1), color, 1);
            } else if (w > thin && h > thin) {
                if (x1 < 0 || y1 < 0 || x0 > pageWidth || y0 > pageHeight)
                    continue;
                // A page-sized background is not a box of the layout.
                if (w > pageWidth * 0.95 && h > pageHeight * 0.95)
                    continue;
                filledBoxes.push_back({(float)x0, (float)y0, (float)x1, (float)y1});
            }
        }
    }
};

} // namespace

struct GZDocument {
    std::unique_ptr<PDFDoc> doc;
};

struct GZPage : PageContents {
    double width = 0, height = 0;
    int rotation = 0;
    std::vector<std::string> problems;
    std::vector<std::string> missingCollections;
    size_t failedShows = 0;
};

extern "C" {

// Colour management is for painting, not for reading. A file with one output
// intent (a catalog /OutputIntents entry with a /DestOutputProfile, as PDF/A
// files have) makes poppler open that ICC profile and build colour transforms
// from it for every page it displays (Gfx::initDisplayProfile); with a CMYK
// press profile that costs more than reading the page (pte__pta_10229: four
// fifths of pdftotext's time). This document is only read, so the intent is
// hidden from it: the catalog is replaced in memory (XRef::setModifiedObject;
// the file is never written). Fill colours of ICC-based colour spaces are then
// computed against sRGB instead of the press profile.
static void hideOutputIntents(PDFDoc *doc)
{
    XRef *xref = doc->getXRef();
    if (!xref)
        return;
    Object catalog = xref->getCatalog();
    if (!catalog.isDict() || catalog.dictLookupNF("OutputIntents").isNull())
        return;
    Dict *copy = catalog.getDict()->copy(xref);
    copy->remove("OutputIntents");
    Object replacement(copy);
    xref->setModifiedObject(&replacement, xref->getRoot());
}

GZDocument *gz_document_open(const char *path, const char *password, GZOpenStatus *status, char *message, size_t capacity)
{
    initialise();
    std::string openError;
    lastOpenError = &openError;
    std::optional<GooString> pw;
    if (password)
        pw = GooString(password);
    auto doc = std::make_unique<PDFDoc>(std::make_unique<GooString>(path), pw, pw);
    lastOpenError = nullptr;
    if (!doc->isOk()) {
        int code = doc->getErrorCode();
        GZOpenStatus s;
        std::string text;
        switch (code) {
        case errOpenFile:
            s = GZ_OPEN_FILE_ERROR;
            text = "cannot open the file";
            break;
        case errEncrypted:
            s = GZ_OPEN_ENCRYPTED;
            text = password ? "the password is wrong" : "the PDF is encrypted and needs a password";
            break;
        case errDamaged:
        case errBadCatalog:
            s = GZ_OPEN_DAMAGED;
            text = "not a PDF or damaged beyond repair";
            break;
        default:
            s = GZ_OPEN_OTHER;
            text = "poppler error code " + std::to_string(code);
        }
        if (!openError.empty() && s != GZ_OPEN_ENCRYPTED)
            text += ": " + openError;
        if (status)
            *status = s;
        writeMessage(message, capacity, text);
        return nullptr;
    }
    if (status)
        *status = GZ_OPEN_OK;
    hideOutputIntents(doc.get());
    auto *result = new GZDocument;
    result->doc = std::move(doc);
    return result;
}

void gz_document_close(GZDocument *document)
{
    delete document;
}

int gz_document_page_count(GZDocument *document)
{
    return document->doc->getNumPages();
}

int gz_document_is_encrypted(GZDocument *document)
{
    return document->doc->isEncrypted() ? 1 : 0;
}

char *gz_document_info(GZDocument *document, const char *key)
{
    std::unique_ptr<GooString> value = document->doc->getDocInfoStringEntry(key);
    if (!value)
        return nullptr;
    std::string utf8 = textStringToUTF8(value->toStr());
    char *out = (char *)std::malloc(utf8.size() + 1);
    if (!out)
        return nullptr;
    std::memcpy(out, utf8.data(), utf8.size());
    out[utf8.size()] = 0;
    return out;
}

void gz_free(void *pointer)
{
    std::free(pointer);
}

GZPage *gz_page_read(GZDocument *document, int index, char *message, size_t capacity)
{
    PDFDoc *doc = document->doc.get();
    int number = index + 1;
    if (number < 1 || number > doc->getNumPages()) {
        writeMessage(message, capacity, "no page " + std::to_string(number));
        return nullptr;
    }
    auto page = std::make_unique<GZPage>();
    currentProblems = &page->problems;
    currentMissingCollections = &page->missingCollections;
    currentFailedShows = &page->failedShows;
    Page *p = doc->getPage(number);
    if (!p) {
        currentProblems = nullptr;
        currentMissingCollections = nullptr;
        currentFailedShows = nullptr;
        writeMessage(message, capacity, "page " + std::to_string(number) + " cannot be read (broken page tree)");
        return nullptr;
    }
    CollectingOutputDev out;
    doc->displayPage(&out, number, 72, 72, 0, false, true, false);
    currentProblems = nullptr;
    currentMissingCollections = nullptr;
    currentFailedShows = nullptr;
    int rotate = ((p->getRotate() % 360) + 360) % 360;
    double w = p->getCropWidth(), h = p->getCropHeight();
    if (rotate == 90 || rotate == 270)
        std::swap(w, h);
    page->width = out.pageWidth > 0 ? out.pageWidth : w;
    page->height = out.pageHeight > 0 ? out.pageHeight : h;
    page->rotation = rotate;
    out.rulings = out.visibleRulings();
    static_cast<PageContents &>(*page) = std::move(static_cast<PageContents &>(out));
    return page.release();
}

void gz_page_free(GZPage *page)
{
    delete page;
}

double gz_page_width(const GZPage *page) { return page->width; }
double gz_page_height(const GZPage *page) { return page->height; }
int gz_page_rotation(const GZPage *page) { return page->rotation; }

const GZGlyph *gz_page_glyphs(const GZPage *page, size_t *count)
{
    *count = page->glyphs.size();
    return page->glyphs.data();
}

const uint32_t *gz_page_text(const GZPage *page, size_t *count)
{
    *count = page->text.size();
    return page->text.data();
}

const GZRuling *gz_page_rulings(const GZPage *page, size_t *count)
{
    *count = page->rulings.size();
    return page->rulings.data();
}

const GZBox *gz_page_images(const GZPage *page, size_t *count)
{
    *count = page->images.size();
    return page->images.data();
}

const GZBox *gz_page_filled_boxes(const GZPage *page, size_t *count)
{
    *count = page->filledBoxes.size();
    return page->filledBoxes.data();
}

size_t gz_page_font_count(const GZPage *page) { return page->fontNames.size(); }
const char *gz_page_font_name(const GZPage *page, size_t index) { return page->fontNames[index].c_str(); }
size_t gz_page_unmapped_glyphs(const GZPage *page) { return page->unmapped; }
const GZGlyph *gz_page_unmapped_glyph_boxes(const GZPage *page, size_t *count)
{
    *count = page->unmappedGlyphs.size();
    return page->unmappedGlyphs.data();
}
size_t gz_page_problem_count(const GZPage *page) { return page->problems.size(); }
const char *gz_page_problem(const GZPage *page, size_t index) { return page->problems[index].c_str(); }
size_t gz_page_undecoded_text_shows(const GZPage *page) { return page->failedShows; }
size_t gz_page_missing_collection_count(const GZPage *page) { return page->missingCollections.size(); }
const char *gz_page_missing_collection(const GZPage *page, size_t index)
{
    return page->missingCollections[index].c_str();
}

} // extern "C"
