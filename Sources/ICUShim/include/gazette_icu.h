#ifndef GAZETTE_ICU_H
#define GAZETTE_ICU_H
// Public header of the ICU shim: plain C types only, no ICU header, since a
// Swift module that imports Foundation must not see the system ICU headers
// (Foundation carries its own ICU). Strings are UTF-16 code units.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// NFC quick check of a UTF-16 string: 1 if it is certainly NFC,
/// 0 if it may not be (NO or MAYBE), -1 on an ICU error.
int32_t gazette_icu_nfc_quick_check(const uint16_t *src, int32_t length);

/// NFC-normalises `src` into `dst` (capacity `capacity` code units).
/// Returns the length of the result; if that is larger than `capacity`
/// nothing useful was written and the caller retries with a larger buffer.
/// Returns -1 on an ICU error.
int32_t gazette_icu_nfc(const uint16_t *src, int32_t length,
                        uint16_t *dst, int32_t capacity);

/// An ICU rule-based spell-out number formatter (opaque).
typedef struct gazette_spellout gazette_spellout;

/// Opens a spell-out formatter for `locale` (e.g. "zh_Hant"); `rule_set`
/// (e.g. "%spellout-cardinal-financial") may be NULL for the locale's
/// default. Returns NULL on error.
gazette_spellout *gazette_icu_spellout_open(const char *locale, const char *rule_set);

/// Formats `value` into `dst`; returns the length as for gazette_icu_nfc,
/// -1 on error.
int32_t gazette_icu_spellout_format(gazette_spellout *formatter, int64_t value,
                                    uint16_t *dst, int32_t capacity);

/// Closes a formatter opened by gazette_icu_spellout_open.
void gazette_icu_spellout_close(gazette_spellout *formatter);

#ifdef __cplusplus
}
#endif

#endif
