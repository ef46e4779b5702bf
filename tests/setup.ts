// Pin the time zone so date-dependent code is deterministic in every test.
process.env.TZ = 'UTC'
