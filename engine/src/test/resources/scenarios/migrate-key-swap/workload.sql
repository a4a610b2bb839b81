INSERT INTO t (id, code, v) VALUES (100000 + {n}, CONCAT('new', {n}), {n})
UPDATE t SET v = v + 1 WHERE id = {r}
DELETE FROM t WHERE id = {r} + 500
