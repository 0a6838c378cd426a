-- PostgreSQL twin of migrations/0022_delivery_leases.sql: workers claim due deliveries with
-- FOR UPDATE SKIP LOCKED and hold them by a lease until the attempt's outcome is recorded.
ALTER TABLE action_webhook_deliveries ADD COLUMN claimed_by text;
ALTER TABLE action_webhook_deliveries ADD COLUMN lease_until timestamptz(3);
