"""Pure text functions: Swedish numbers and dates, normalisation, OCR repair."""
