CREATE TABLE t (a int NOT NULL, b varchar(20), KEY a_idx (a)) ENGINE=InnoDB;
INSERT INTO t VALUES (1, "x"), (1, "y");
