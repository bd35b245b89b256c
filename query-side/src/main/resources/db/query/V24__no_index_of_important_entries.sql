-- An aggregate's feed, flagged entries only or not, is read from audit_entry_aggregate (its few entries filtered by
-- the flag): audit_entry_important was never scanned in a benchmark run, and every audit entry wrote into it.
DROP INDEX audit_entry_important;
