#include "gazette_poppler.h"
