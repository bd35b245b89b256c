-- A contract may cover up to 500 products, assets and contacts (each name up to 200 characters): their JSON lists
-- always fit now, whatever characters the names hold.
ALTER TABLE contract_registry ALTER COLUMN covered_products SET DATA TYPE VARCHAR(1000000);
ALTER TABLE contract_registry ALTER COLUMN covered_assets SET DATA TYPE VARCHAR(1000000);
ALTER TABLE contract_registry ALTER COLUMN covered_contacts SET DATA TYPE VARCHAR(1000000);
