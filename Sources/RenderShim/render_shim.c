// Page rendering behind gazette_render.h: poppler-glib onto a cairo image.
// Both are called only through the table the loader fills (see
// render_library.h).
#include "gazette_render.h"

#include <dlfcn.h>

#include "gazette_loader.h"
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "render_library.h"

static struct gz_render_functions lib;
static pthread_once_t library_once = PTHREAD_ONCE_INIT;
/// Empty when the libraries are loaded; otherwise why not.
static char library_failure[512];

static void set_message(char *message, size_t capacity, const char *text) {
    if (message != NULL && capacity > 0) snprintf(message, capacity, "%s", text);
}

static void *open_first(const char *const *names, const char *what) {
    return gz_load_first(names, what, "scripts/bootstrap installs it (Debian: libpoppler-glib-dev, libcairo2-dev)", library_failure, sizeof library_failure);
}

static void load_libraries(void) {
    static const char *const poppler_glib_names[] = {"libpoppler-glib.so.8", "libpoppler-glib.so", NULL};
    static const char *const cairo_names[] = {"libcairo.so.2", "libcairo.so", NULL};
    void *poppler_glib = open_first(poppler_glib_names, "poppler-glib (libpoppler-glib.so.8)");
    if (poppler_glib == NULL) return;
    void *cairo = open_first(cairo_names, "cairo (libcairo.so.2)");
    if (cairo == NULL) return;
    // POSIX: a function pointer is stored through a void * (dlsym's own
    // example). g_object_unref and g_error_free come from poppler-glib's
    // own dependencies, which dlsym on its handle searches too.
#define GZ_BIND(handle, library, name)                                                                   \
    if ((*(void **)&lib.name = dlsym(handle, #name)) == NULL) {                                          \
        snprintf(library_failure, sizeof library_failure, "%s has no function %s (an unexpected version)", \
                 library, #name);                                                                          \
        return;                                                                                            \
    }
#define GZ_BIND_POPPLER_GLIB(name) GZ_BIND(poppler_glib, "poppler-glib", name)
#define GZ_BIND_CAIRO(name) GZ_BIND(cairo, "cairo", name)
    GZ_POPPLER_GLIB_FUNCTIONS(GZ_BIND_POPPLER_GLIB)
    GZ_CAIRO_FUNCTIONS(GZ_BIND_CAIRO)
#undef GZ_BIND_CAIRO
#undef GZ_BIND_POPPLER_GLIB
#undef GZ_BIND
}

int gz_render_load(char *message, size_t capacity) {
    pthread_once(&library_once, load_libraries);
    if (library_failure[0] == 0) return 1;
    set_message(message, capacity, library_failure);
    return 0;
}

struct gz_render_document {
    PopplerDocument *document;
    int32_t page_count;
};

struct gz_render_image {
    cairo_surface_t *surface;
    cairo_t *cr;  // scaled to page points
    int32_t width, height;
};

gz_render_document *gz_render_open(const char *uri, const char *password, char *message, size_t capacity) {
    if (!gz_render_load(message, capacity)) return NULL;
    GError *error = NULL;
    PopplerDocument *opened = lib.poppler_document_new_from_file(uri, password, &error);
    if (opened == NULL) {
        char text[512];
        snprintf(text, sizeof text, "poppler-glib cannot open it: %s",
                 error != NULL && error->message != NULL ? error->message : "unknown error");
        if (error != NULL) lib.g_error_free(error);
        set_message(message, capacity, text);
        return NULL;
    }
    gz_render_document *document = calloc(1, sizeof *document);
    if (document == NULL) {
        lib.g_object_unref(opened);
        set_message(message, capacity, "out of memory");
        return NULL;
    }
    document->document = opened;
    document->page_count = lib.poppler_document_get_n_pages(opened);
    return document;
}

void gz_render_close(gz_render_document *document) {
    if (document == NULL) return;
    lib.g_object_unref(document->document);
    free(document);
}

gz_render_image *gz_render_page(gz_render_document *document, int32_t index, double scale, int32_t max_side,
                                char *message, size_t capacity) {
    char text[512];
    PopplerPage *page =
        index >= 0 && index < document->page_count ? lib.poppler_document_get_page(document->document, index) : NULL;
    if (page == NULL) {
        snprintf(text, sizeof text, "poppler-glib has no page %d", index + 1);
        set_message(message, capacity, text);
        return NULL;
    }
    double width_points = 0, height_points = 0;
    lib.poppler_page_get_size(page, &width_points, &height_points);
    double width = ceil(width_points * scale), height = ceil(height_points * scale);
    if (!(width > 0 && height > 0 && width <= max_side && height <= max_side)) {
        snprintf(text, sizeof text, "a %d×%d pt page is too large to render at %.0f dpi", (int)width_points,
                 (int)height_points, scale * 72);
        set_message(message, capacity, text);
        lib.g_object_unref(page);
        return NULL;
    }
    cairo_surface_t *surface = lib.cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)width, (int)height);
    if (lib.cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        snprintf(text, sizeof text, "cairo cannot create a %d×%d image: %s", (int)width, (int)height,
                 lib.cairo_status_to_string(lib.cairo_surface_status(surface)));
        set_message(message, capacity, text);
        lib.cairo_surface_destroy(surface);
        lib.g_object_unref(page);
        return NULL;
    }
    gz_render_image *image = calloc(1, sizeof *image);
    if (image == NULL) {
        set_message(message, capacity, "out of memory");
        lib.cairo_surface_destroy(surface);
        lib.g_object_unref(page);
        return NULL;
    }
    cairo_t *cr = lib.cairo_create(surface);
    lib.cairo_set_source_rgb(cr, 1, 1, 1);
    lib.cairo_paint(cr);
    lib.cairo_scale(cr, scale, scale);
    lib.cairo_save(cr);
    lib.poppler_page_render(page, cr);
    lib.cairo_restore(cr);
    lib.cairo_surface_flush(surface);
    lib.g_object_unref(page);
    image->surface = surface;
    image->cr = cr;
    image->width = (int32_t)width;
    image->height = (int32_t)height;
    return image;
}

void gz_render_image_free(gz_render_image *image) {
    if (image == NULL) return;
    lib.cairo_destroy(image->cr);
    lib.cairo_surface_destroy(image->surface);
    free(image);
}

int32_t gz_render_image_width(const gz_render_image *image) { return image->width; }
int32_t gz_render_image_height(const gz_render_image *image) { return image->height; }

void gz_render_image_grey(const gz_render_image *image, uint8_t *grey) {
    lib.cairo_surface_flush(image->surface);
    const uint8_t *argb = lib.cairo_image_surface_get_data(image->surface);
    int stride = lib.cairo_image_surface_get_stride(image->surface);
    for (int32_t y = 0; y < image->height; y++) {
        const uint32_t *row = (const uint32_t *)(argb + (size_t)y * (size_t)stride);
        uint8_t *out = grey + (size_t)y * (size_t)image->width;
        for (int32_t x = 0; x < image->width; x++) {
            uint32_t p = row[x];
            uint32_t a = p >> 24, r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            // Premultiplied: over white, each channel gains the missing coverage.
            r += 255 - a;
            g += 255 - a;
            b += 255 - a;
            uint32_t v = (299 * r + 587 * g + 114 * b + 500) / 1000;
            out[x] = (uint8_t)(v > 255 ? 255 : v);
        }
    }
}

void gz_render_stroke_rectangle(gz_render_image *image, double x, double y, double width, double height,
                                double red, double green, double blue, double alpha, double line_width) {
    lib.cairo_set_source_rgba(image->cr, red, green, blue, alpha);
    lib.cairo_set_line_width(image->cr, line_width);
    lib.cairo_rectangle(image->cr, x, y, width, height);
    lib.cairo_stroke(image->cr);
}

void gz_render_stroke_line(gz_render_image *image, double x0, double y0, double x1, double y1, double red,
                           double green, double blue, double alpha, double line_width) {
    lib.cairo_set_source_rgba(image->cr, red, green, blue, alpha);
    lib.cairo_set_line_width(image->cr, line_width);
    lib.cairo_move_to(image->cr, x0, y0);
    lib.cairo_line_to(image->cr, x1, y1);
    lib.cairo_stroke(image->cr);
}

int gz_render_write_png(const gz_render_image *image, const char *path, char *message, size_t capacity) {
    lib.cairo_surface_flush(image->surface);
    cairo_status_t status = lib.cairo_surface_write_to_png(image->surface, path);
    if (status == CAIRO_STATUS_SUCCESS) return 1;
    set_message(message, capacity, lib.cairo_status_to_string(status));
    return 0;
}
