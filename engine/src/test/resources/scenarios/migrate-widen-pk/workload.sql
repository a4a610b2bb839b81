INSERT INTO t (id, v, n) VALUES (100000 + {n}, CONCAT('w', {n}), NULL)
UPDATE t SET n = n + 1 WHERE id = {r}
UPDATE t SET id = 200000 + {n} WHERE id = {r} + 1000
DELETE FROM t WHERE id = {r} + 2000
