-- {n}: a counter unique per statement; {r}: a random number from 1 to 3000. One statement per line.
INSERT INTO t (tenant, at, ts, amount, big, doc, payload, latin, emoji, mood, tags, flags) VALUES (9, TIMESTAMP('2030-01-01') + INTERVAL {n} MICROSECOND, '2030-01-01 00:00:00.5', {n}.25, 18446744073709551000 + ({n} % 600), JSON_ARRAY({n}, 'q'), UNHEX('00FF'), 'déjà', '🎉{n}', 'glad', 'a,b', b'1010101010')
UPDATE t SET amount = amount + 1.000001, doc = JSON_SET(COALESCE(doc, '{}'), '$.u', {n}), emoji = CONCAT('🚀', {n}) WHERE tenant = {r} % 7 AND at < TIMESTAMP('2026-01-01 00:00:00') + INTERVAL {r} SECOND + INTERVAL 40 SECOND AND at > TIMESTAMP('2026-01-01 00:00:00') + INTERVAL {r} SECOND
UPDATE t SET at = at + INTERVAL 3 MINUTE + INTERVAL 1 MICROSECOND WHERE tenant = {r} % 7 AND at = TIMESTAMP('2026-01-01 00:00:00') + INTERVAL {r} SECOND + INTERVAL {r} MICROSECOND
DELETE FROM t WHERE tenant = ({r} + 1) % 7 AND at = TIMESTAMP('2026-01-01 00:00:00') + INTERVAL {r} SECOND + INTERVAL {r} MICROSECOND
UPDATE t SET ts = NULL, flags = NULL, mood = NULL, tags = '' WHERE tenant = {r} % 7 AND at = TIMESTAMP('2026-01-01 00:00:00') + INTERVAL {r} SECOND + INTERVAL {r} MICROSECOND
