// Tesseract and Leptonica, loaded at run time (dlopen) the first time a
// page is read by OCR, so that a born-digital document never maps them:
// linked, the two and what they bring (libarchive, libcurl, libgomp, …;
// about 40 shared libraries, and Tesseract's thousand global parameters
// built before main) cost each gazette process about 24 ms of start-up,
// more than reading a small PDF.
//
// Every function ocr_shim.c calls is listed here once and called through
// the tables `tesseract` and `leptonica` (`leptonica.pixDestroy(&pix)`):
// a call written without them does not link, so no use can bypass the
// loader. Only ocr_shim.c includes this file.
#ifndef GAZETTE_OCR_LIBRARY_H
#define GAZETTE_OCR_LIBRARY_H

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#define GZ_TESSERACT_FUNCTIONS(X) \
    X(TessBaseAPIAnalyseLayout) \
    X(TessBaseAPIClear) \
    X(TessBaseAPICreate) \
    X(TessBaseAPIDelete) \
    X(TessBaseAPIDetectOrientationScript) \
    X(TessBaseAPIEnd) \
    X(TessBaseAPIGetIterator) \
    X(TessBaseAPIInit2) \
    X(TessBaseAPIRecognize) \
    X(TessBaseAPISetImage2) \
    X(TessBaseAPISetPageSegMode) \
    X(TessBaseAPISetRectangle) \
    X(TessBaseAPISetSourceResolution) \
    X(TessBaseAPISetVariable) \
    X(TessDeleteText) \
    X(TessPageIteratorBoundingBox) \
    X(TessPageIteratorDelete) \
    X(TessPageIteratorIsAtBeginningOf) \
    X(TessPageIteratorNext) \
    X(TessPageIteratorOrientation) \
    X(TessResultIteratorConfidence) \
    X(TessResultIteratorDelete) \
    X(TessResultIteratorGetPageIterator) \
    X(TessResultIteratorGetUTF8Text) \
    X(TessResultIteratorNext) \
    X(TessResultIteratorWordRecognitionLanguage) \
    X(TessVersion)

#define GZ_LEPTONICA_FUNCTIONS(X) \
    X(boxCreate) \
    X(boxDestroy) \
    X(boxaAddBox) \
    X(boxaCreate) \
    X(boxaDestroy) \
    X(boxaGetBoxGeometry) \
    X(boxaGetCount) \
    X(getLeptonicaVersion) \
    X(lept_free) \
    X(pixAddBorder) \
    X(pixClipRectangle) \
    X(pixClone) \
    X(pixCloseBrick) \
    X(pixConnCompBB) \
    X(pixConvertTo1) \
    X(pixCopy) \
    X(pixCountPixels) \
    X(pixCreate) \
    X(pixDestroy) \
    X(pixFindSkew) \
    X(pixGetData) \
    X(pixGetHeight) \
    X(pixGetWidth) \
    X(pixGetWpl) \
    X(pixInvert) \
    X(pixOpenBrick) \
    X(pixOtsuAdaptiveThreshold) \
    X(pixRasterop) \
    X(pixReduceRankBinaryCascade) \
    X(pixRotate) \
    X(pixRotateOrth) \
    X(pixScale) \
    X(pixSetResolution) \
    X(setMsgSeverity)

#define GZ_OCR_FUNCTION_POINTER(name) __typeof__(&name) name;
struct gz_tesseract_functions { GZ_TESSERACT_FUNCTIONS(GZ_OCR_FUNCTION_POINTER) };
struct gz_leptonica_functions { GZ_LEPTONICA_FUNCTIONS(GZ_OCR_FUNCTION_POINTER) };
#undef GZ_OCR_FUNCTION_POINTER

#endif
