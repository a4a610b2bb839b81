CREATE TABLE t (
  code varchar(20) CHARACTER SET utf8mb4 NOT NULL,
  qty int NULL,
  note varchar(100) NULL,
  UNIQUE KEY code_u (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO t SELECT CONCAT('c', seq, IF(seq % 5 = 0, '✓', '')), seq, IF(seq % 3 = 0, NULL, CONCAT('note ', seq)) FROM seq_1_to_3000;
