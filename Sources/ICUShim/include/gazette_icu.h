#ifndef GAZETTE_ICU_H
#define GAZETTE_ICU_H
// Public header of the ICU shim: plain C types only, no ICU header.
#endif
