// Page rendering for OCR and `gazette inspect`: poppler-glib draws a page
// onto a cairo image. Both libraries are loaded at run time, the first time
// a page is rendered (see render_library.h), so that a born-digital
// document never maps them. This header includes no library header.
#ifndef GAZETTE_RENDER_H
#define GAZETTE_RENDER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Loads poppler-glib and cairo if they are not loaded yet. 1 when they
/// are; 0 with the reason in `message` otherwise.
int gz_render_load(char *message, size_t capacity);

typedef struct gz_render_document gz_render_document;
typedef struct gz_render_image gz_render_image;

/// Opens the PDF at `uri` (a file URI: poppler-glib wants one). NULL with
/// the reason in `message` when it cannot.
gz_render_document *gz_render_open(const char *uri, const char *password, char *message, size_t capacity);
void gz_render_close(gz_render_document *document);

/// Page `index` (0-based) as displayed, at `scale` pixels per point,
/// composited over white: ceil(width × scale) × ceil(height × scale)
/// pixels, neither side above `max_side`. NULL with the reason in
/// `message` when it cannot.
gz_render_image *gz_render_page(gz_render_document *document, int32_t index, double scale, int32_t max_side,
                                char *message, size_t capacity);
void gz_render_image_free(gz_render_image *image);
int32_t gz_render_image_width(const gz_render_image *image);
int32_t gz_render_image_height(const gz_render_image *image);

/// The image as 8-bit grey (0 black, 255 white), `width` bytes a row
/// (`grey` holds width × height bytes): Rec. 601 luma.
void gz_render_image_grey(const gz_render_image *image, uint8_t *grey);

/// Strokes a rectangle or a line over the image, in page points (the
/// image's scale applied), colour components 0…1, width in points.
void gz_render_stroke_rectangle(gz_render_image *image, double x, double y, double width, double height,
                                double red, double green, double blue, double alpha, double line_width);
void gz_render_stroke_line(gz_render_image *image, double x0, double y0, double x1, double y1, double red,
                           double green, double blue, double alpha, double line_width);

/// Writes the image as a PNG file. 1 when written; 0 with the reason in
/// `message` otherwise.
int gz_render_write_png(const gz_render_image *image, const char *path, char *message, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif
