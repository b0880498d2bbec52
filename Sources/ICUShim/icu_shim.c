// The system ICU behind gazette_icu.h. Only this file includes ICU headers.
#include "gazette_icu.h"

#include <stdlib.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

static const UNormalizer2 *nfc_instance(void) {
    // ICU caches the instance itself; this call is cheap after the first.
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    return U_FAILURE(status) ? NULL : nfc;
}

int32_t gazette_icu_nfc_quick_check(const uint16_t *src, int32_t length) {
    const UNormalizer2 *nfc = nfc_instance();
    if (nfc == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UNormalizationCheckResult result =
        unorm2_quickCheck(nfc, (const UChar *)src, length, &status);
    if (U_FAILURE(status)) return -1;
    return result == UNORM_YES ? 1 : 0;
}

int32_t gazette_icu_nfc(const uint16_t *src, int32_t length,
                        uint16_t *dst, int32_t capacity) {
    const UNormalizer2 *nfc = nfc_instance();
    if (nfc == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = unorm2_normalize(nfc, (const UChar *)src, length,
                                      (UChar *)dst, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return needed;
    if (U_FAILURE(status)) return -1;
    return needed;
}

struct gazette_spellout {
    UNumberFormat *format;
};

gazette_spellout *gazette_icu_spellout_open(const char *locale, const char *rule_set) {
    UErrorCode status = U_ZERO_ERROR;
    UNumberFormat *format = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &status);
    if (U_FAILURE(status) || format == NULL) return NULL;
    if (rule_set != NULL) {
        UChar name[128];
        u_strFromUTF8(name, 128, NULL, rule_set, -1, &status);
        if (U_SUCCESS(status)) {
            unum_setTextAttribute(format, UNUM_DEFAULT_RULESET, name, -1, &status);
        }
        if (U_FAILURE(status)) {
            unum_close(format);
            return NULL;
        }
    }
    gazette_spellout *formatter = malloc(sizeof *formatter);
    if (formatter == NULL) {
        unum_close(format);
        return NULL;
    }
    formatter->format = format;
    return formatter;
}

int32_t gazette_icu_spellout_format(gazette_spellout *formatter, int64_t value,
                                    uint16_t *dst, int32_t capacity) {
    if (formatter == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = unum_formatInt64(formatter->format, value, (UChar *)dst,
                                      capacity, NULL, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return needed;
    if (U_FAILURE(status)) return -1;
    return needed;
}

void gazette_icu_spellout_close(gazette_spellout *formatter) {
    if (formatter == NULL) return;
    unum_close(formatter->format);
    free(formatter);
}
