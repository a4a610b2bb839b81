INSERT INTO t (id, price, qty) VALUES (100000 + {n}, {n} / 3, 2)
UPDATE t SET qty = qty + 1 WHERE id = {r}
DELETE FROM t WHERE id = {r} + 100
