CREATE TABLE t (
  id int NOT NULL,
  code varchar(20) NOT NULL,
  v int NULL,
  PRIMARY KEY (id),
  UNIQUE KEY code_u (code)
) ENGINE=InnoDB;
INSERT INTO t SELECT seq, CONCAT('k', seq), seq FROM seq_1_to_3000;
