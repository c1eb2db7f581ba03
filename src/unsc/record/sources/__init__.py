"""Readers, one per real source format. Each returns a :class:`~unsc.record.sources.frame.SourceFrame`."""
