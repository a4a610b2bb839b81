-- Accounts on the primary, not binlogged: the replica creates its own (docker/replica-init).
SET sql_log_bin = 0;
CREATE USER 'repl'@'%' IDENTIFIED BY 'repl';
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%';
CREATE USER 'oscar'@'%' IDENTIFIED BY 'oscar';
GRANT ALTER, CREATE, DELETE, DROP, INDEX, INSERT, LOCK TABLES, SELECT, UPDATE, REFERENCES, TRIGGER,
      RELOAD, PROCESS, REPLICATION CLIENT, REPLICATION SLAVE ON *.* TO 'oscar'@'%';
SET sql_log_bin = 1;
