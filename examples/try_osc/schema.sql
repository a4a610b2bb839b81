-- The seed's schema (try_osc): a parent whose int primary key a child references by foreign key.
-- Widening baseitem.id to bigint is the migration plain ALTER (1833), gh-ost and pt-osc could not do.
-- No CREATE DATABASE / USE here: `load` (and the tests) choose the schema.
CREATE TABLE baseitem (
  id int(11) NOT NULL AUTO_INCREMENT,
  created_on datetime NOT NULL,
  updated_on datetime NOT NULL,
  product_id int(11) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=latin1;

CREATE TABLE referringitem (
  id int(11) NOT NULL AUTO_INCREMENT,
  baseitem_id int(11) NOT NULL,
  created_on datetime NOT NULL,
  updated_on datetime NOT NULL,
  some_id int(11) NOT NULL,
  PRIMARY KEY (id),
  KEY referringitem_baseitem_id (baseitem_id),
  CONSTRAINT baseitem_id_refs_id_2d6ba49a FOREIGN KEY (baseitem_id) REFERENCES baseitem (id)
) ENGINE=InnoDB DEFAULT CHARSET=latin1;
