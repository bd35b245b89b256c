-- A client's product preferences (at most 100 products of 10 small values, checked on the write side) always fit.
ALTER TABLE contact_client ALTER COLUMN product_preferences SET DATA TYPE VARCHAR(1000000);
