// Loading a shared library on first use (dlopen), for the shims whose
// libraries only some pages need (OCRShim: Tesseract, Leptonica;
// RenderShim: poppler-glib, cairo). One home for how a library is looked
// for and how its absence is said.
#ifndef GAZETTE_LOADER_H
#define GAZETTE_LOADER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The first of the NULL-terminated `names` that dlopen finds (RTLD_NOW |
/// RTLD_GLOBAL): list the soname of the Debian package that ships it
/// first, then the -dev symlink. NULL when none is found, with "`what`
/// cannot be loaded (dlerror's reason); `remedy`" in `failure`.
void *gz_load_first(const char *const *names, const char *what, const char *remedy, char *failure,
                    size_t capacity);

#ifdef __cplusplus
}
#endif

#endif
