ADD COLUMN discount decimal(5,2) NULL AFTER qty
