-- A lease on webhook deliveries, so several Kadence processes on one database never send one twice:
-- a worker claims due rows by writing its id and an expiry; a row whose lease ran out (its worker
-- died mid-send) is claimable again; recording the attempt's outcome clears the lease.
ALTER TABLE action_webhook_deliveries ADD COLUMN claimed_by TEXT;   -- the worker holding the lease
ALTER TABLE action_webhook_deliveries ADD COLUMN lease_until TEXT;  -- UTC ISO; NULL when nobody holds it
