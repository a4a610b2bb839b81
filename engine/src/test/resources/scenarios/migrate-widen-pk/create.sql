CREATE TABLE t (
  id int NOT NULL AUTO_INCREMENT,
  v varchar(40) NOT NULL,
  n int NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
INSERT INTO t (id, v, n) SELECT seq, CONCAT('v', seq), seq FROM seq_1_to_5000;
