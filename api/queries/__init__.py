"""Read side: plain functions (session, filters, cursor, limit) -> rows. No Flask here."""
