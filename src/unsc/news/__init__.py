"""Check news reports of Council votes against the record."""
