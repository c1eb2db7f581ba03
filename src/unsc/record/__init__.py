"""The record: every Council vote since 1946, merged from public sources and validated."""
