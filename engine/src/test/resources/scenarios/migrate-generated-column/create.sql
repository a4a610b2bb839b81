CREATE TABLE t (
  id int NOT NULL,
  price decimal(10,2) NOT NULL,
  qty int NOT NULL,
  total decimal(12,2) AS (price * qty) VIRTUAL,
  label varchar(30) AS (CONCAT('#', id)) STORED,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
INSERT INTO t (id, price, qty) SELECT seq, seq / 4, seq % 9 FROM seq_1_to_3000;
