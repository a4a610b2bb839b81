-- The application no longer writes `note` (it is being dropped): only code and qty change.
INSERT INTO t (code, qty) VALUES (CONCAT('new', {n}), {n})
UPDATE t SET qty = qty + 1 WHERE code = CONCAT('c', {r})
UPDATE t SET code = CONCAT('moved', {n}) WHERE code = CONCAT('c', {r})
DELETE FROM t WHERE code = CONCAT('c', {r} + 7)
