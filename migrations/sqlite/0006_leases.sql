-- Leases on work in progress: the process posting or closing a retro holds a lease that it
-- renews; another process (or a restart) takes the work over only once the lease expired.
ALTER TABLE retros ADD COLUMN lease_owner TEXT;
ALTER TABLE retros ADD COLUMN lease_until INTEGER;
