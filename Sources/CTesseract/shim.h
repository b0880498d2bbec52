// Intentionally empty: see module.modulemap (OCRShim includes the headers).
