"""Digikind's own date formats (FORMAT_MODULE_PATH): a date reads "21 November 2026" in full,
the way people in the UK write it, in every language Digikind speaks."""
