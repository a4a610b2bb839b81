-- The try_osc schema's rows at scale: @rows base items and @rows * 5 / 4 referring items (every
-- base item referred to once, the first quarter twice), deterministic, for benchmarks and rehearsals.
-- Set @rows first (load --rows N does). Portable: MySQL 5.7+/8.x and MariaDB (no Sequence engine needed).
-- Tables must exist and be empty (schema.sql). The helper table oscar_numbers is
-- an ordinary table (no CREATE TEMPORARY TABLES grant needed), dropped at the end.
CREATE TABLE oscar_numbers (n int NOT NULL PRIMARY KEY);
INSERT INTO oscar_numbers (n) VALUES (1);
-- Doubling 24 times reaches 16,777,216: enough for any @rows up to 10,000,000.
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
SET @c = (SELECT COUNT(*) FROM oscar_numbers); INSERT INTO oscar_numbers (n) SELECT n + @c FROM oscar_numbers WHERE n + @c <= @rows;
INSERT INTO baseitem (id, created_on, updated_on, product_id)
  SELECT n, '2021-02-20 09:00:00' + INTERVAL n SECOND, '2021-02-20 09:00:00' + INTERVAL n SECOND, 100 + n % 1000
  FROM oscar_numbers;
INSERT INTO referringitem (id, baseitem_id, created_on, updated_on, some_id)
  SELECT n, n, '2021-02-21 08:00:00' + INTERVAL n SECOND, '2021-02-21 08:00:00' + INTERVAL n SECOND, 500 + n % 997
  FROM oscar_numbers;
INSERT INTO referringitem (id, baseitem_id, created_on, updated_on, some_id)
  SELECT @rows + n, n, '2021-02-22 08:00:00' + INTERVAL n SECOND, '2021-02-22 08:00:00' + INTERVAL n SECOND, 500 + n % 991
  FROM oscar_numbers WHERE n <= @rows DIV 4;
DROP TABLE oscar_numbers;
