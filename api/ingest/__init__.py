"""From files to rows: read a corpus folder, extract, write one transaction per document."""
