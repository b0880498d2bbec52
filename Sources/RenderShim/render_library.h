// poppler-glib and cairo, loaded at run time (dlopen) the first time a page
// is rendered: linked, they and what they bring (gio, pixman, fontconfig,
// the X11 client libraries, …; about 20 shared libraries) cost every
// gazette process about 7 ms of start-up, for the few pages ever rendered
// (OCR, `gazette inspect`).
//
// Every function render_shim.c calls is listed here once and called
// through the table `lib` (`lib.cairo_paint(cr)`): a call written without
// it does not link, so no use can bypass the loader. cairo's own header
// needs no include path; poppler-glib's needs GLib's (architecture-specific,
// from pkg-config, which would also link it), so the five poppler-glib and
// two GLib functions used are declared here, as they are in
// poppler-document.h, poppler-page.h, gobject.h and gerror.h (stable since
// poppler 0.x and GLib 2.0). Only render_shim.c includes this file.
#ifndef GAZETTE_RENDER_LIBRARY_H
#define GAZETTE_RENDER_LIBRARY_H

#include <stdint.h>

#include <cairo/cairo.h>

typedef struct _PopplerDocument PopplerDocument;
typedef struct _PopplerPage PopplerPage;
typedef struct _GError {
    uint32_t domain;  // GQuark
    int code;
    char *message;
} GError;

PopplerDocument *poppler_document_new_from_file(const char *uri, const char *password, GError **error);
int poppler_document_get_n_pages(PopplerDocument *document);
PopplerPage *poppler_document_get_page(PopplerDocument *document, int index);
void poppler_page_get_size(PopplerPage *page, double *width, double *height);
void poppler_page_render(PopplerPage *page, cairo_t *cairo);
void g_object_unref(void *object);
void g_error_free(GError *error);

#define GZ_POPPLER_GLIB_FUNCTIONS(X) \
    X(poppler_document_new_from_file) \
    X(poppler_document_get_n_pages) \
    X(poppler_document_get_page) \
    X(poppler_page_get_size) \
    X(poppler_page_render) \
    X(g_object_unref) \
    X(g_error_free)

#define GZ_CAIRO_FUNCTIONS(X) \
    X(cairo_image_surface_create) \
    X(cairo_image_surface_get_data) \
    X(cairo_image_surface_get_stride) \
    X(cairo_surface_status) \
    X(cairo_surface_flush) \
    X(cairo_surface_destroy) \
    X(cairo_surface_write_to_png) \
    X(cairo_status_to_string) \
    X(cairo_create) \
    X(cairo_destroy) \
    X(cairo_save) \
    X(cairo_restore) \
    X(cairo_scale) \
    X(cairo_paint) \
    X(cairo_set_source_rgb) \
    X(cairo_set_source_rgba) \
    X(cairo_set_line_width) \
    X(cairo_rectangle) \
    X(cairo_move_to) \
    X(cairo_line_to) \
    X(cairo_stroke)

#define GZ_RENDER_FUNCTION_POINTER(name) __typeof__(&name) name;
struct gz_render_functions {
    GZ_POPPLER_GLIB_FUNCTIONS(GZ_RENDER_FUNCTION_POINTER)
    GZ_CAIRO_FUNCTIONS(GZ_RENDER_FUNCTION_POINTER)
};
#undef GZ_RENDER_FUNCTION_POINTER

#endif
