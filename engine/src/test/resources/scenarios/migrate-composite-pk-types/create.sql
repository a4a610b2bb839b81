CREATE TABLE t (
  tenant int unsigned NOT NULL,
  at datetime(6) NOT NULL,
  ts timestamp(3) NULL DEFAULT NULL,
  amount decimal(20,6) NULL,
  big bigint unsigned NOT NULL,
  doc json NULL,
  payload blob NULL,
  latin text CHARACTER SET latin1 NULL,
  emoji varchar(64) CHARACTER SET utf8mb4 NULL,
  mood enum('sad','ok','glad') NULL,
  tags set('a','b','c') NULL,
  flags bit(10) NULL,
  PRIMARY KEY (tenant, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO t SELECT s.seq % 7, TIMESTAMP('2026-01-01 00:00:00') + INTERVAL s.seq SECOND + INTERVAL s.seq MICROSECOND,
  TIMESTAMP('2025-06-01 12:00:00.123') + INTERVAL s.seq MINUTE, s.seq / 7, 18446744073709551615 - s.seq,
  JSON_OBJECT('n', s.seq, 'name', CONCAT('x', s.seq)), UNHEX(MD5(s.seq)), CONCAT('caf', CHAR(233 USING latin1), ' ', s.seq),
  CONCAT('😀 ', s.seq), ELT(1 + s.seq % 3, 'sad', 'ok', 'glad'), IF(s.seq % 2 = 0, 'a,c', 'b'), s.seq % 1024
  FROM seq_1_to_3000 s;
UPDATE t SET amount = NULL, doc = NULL, payload = NULL, latin = NULL, emoji = NULL, mood = NULL, tags = NULL, flags = NULL WHERE tenant = 3;
