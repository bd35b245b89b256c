-- When each leaf was sealed (the sealer's clock): the sealing lag is sealed_at minus the event's stored time. It is
-- operational data, in no leaf hash and no proof.
ALTER TABLE sealed_leaf ADD COLUMN sealed_at TIMESTAMP WITH TIME ZONE;
