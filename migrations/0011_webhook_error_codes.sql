-- Why a webhook delivery failed, as a stable code the client translates (e.g. PRIVATE_ADDRESS for a
-- receiver on an internal address, which is refused without reporting what that address answered).
ALTER TABLE action_webhook_deliveries ADD COLUMN last_error_code TEXT;
