#include "gazette_icu.h"
