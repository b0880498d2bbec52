// Intentionally empty: see module.modulemap.
#include <glib.h>
