#include <poppler.h>
#include <cairo.h>
#include <glib.h>
#include <cairo-pdf.h>
