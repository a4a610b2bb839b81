CREATE TABLE t (a int NULL, b varchar(20), UNIQUE KEY a_uidx (a)) ENGINE=InnoDB;
INSERT INTO t VALUES (1, "x"), (2, "y"), (NULL, "z");
