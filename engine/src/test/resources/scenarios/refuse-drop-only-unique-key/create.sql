CREATE TABLE t (id int NOT NULL, b varchar(20), PRIMARY KEY (id)) ENGINE=InnoDB;
INSERT INTO t VALUES (1, "x");
