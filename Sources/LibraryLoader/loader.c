#include "gazette_loader.h"

#include <dlfcn.h>
#include <stdio.h>

void *gz_load_first(const char *const *names, const char *what, const char *remedy, char *failure,
                    size_t capacity) {
    const char *last_error = "not found";
    for (const char *const *name = names; *name != NULL; name++) {
        void *handle = dlopen(*name, RTLD_NOW | RTLD_GLOBAL);
        if (handle != NULL) return handle;
        const char *error = dlerror();
        if (error != NULL) last_error = error;
    }
    if (failure != NULL && capacity > 0) snprintf(failure, capacity, "%s cannot be loaded (%s); %s", what, last_error, remedy);
    return NULL;
}
