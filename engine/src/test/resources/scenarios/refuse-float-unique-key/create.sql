CREATE TABLE t (f float NOT NULL, b varchar(20), UNIQUE KEY f_uidx (f)) ENGINE=InnoDB;
INSERT INTO t VALUES (0.1, "x"), (0.2, "y");
