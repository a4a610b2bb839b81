package io.oscar.engine.binlog

import io.oscar.engine.schema.TableName
import spock.lang.Specification

class StatementWritesSpec extends Specification {
    static final Set<TableName> WATCHED = [new TableName('shop', 'orders')] as Set

    def "a statement that writes the watched table: #sql"() {
        expect:
        StatementWrites.writes(db, sql, WATCHED).map { it.table() } == Optional.of(new TableName('shop', 'orders'))

        where:
        db     | sql
        'shop' | 'DELETE FROM orders WHERE id = 5'
        'shop' | 'delete from `orders` where id = 5'
        'x'    | 'UPDATE shop.orders SET n = NULL WHERE id = 5'
        'x'    | 'UPDATE `shop`.`orders` SET n = NULL'
        'shop' | 'INSERT INTO orders (id, n) VALUES (1, 2)'
        'shop' | 'INSERT IGNORE INTO orders SELECT * FROM staging'
        'shop' | 'REPLACE INTO orders VALUES (1, 2)'
        'shop' | '/* app */ UPDATE items i JOIN orders o ON o.id = i.order_id SET o.n = 1'
        'shop' | 'DELETE o FROM orders o JOIN items i ON i.order_id = o.id WHERE i.id = 3'
        'shop' | 'TRUNCATE TABLE orders'
        'x'    | "LOAD DATA INFILE '/tmp/o.csv' INTO TABLE shop.orders"
        null   | 'UPDATE shop.orders SET n = 1'
    }

    def "a statement that does not write it: #sql"() {
        expect:
        StatementWrites.writes(db, sql, WATCHED).isEmpty()

        where:
        db     | sql
        'shop' | 'BEGIN'
        'shop' | 'COMMIT'
        'shop' | 'INSERT INTO `_orders_gho` (`id`, `n`) SELECT `id`, `n` FROM `orders` WHERE id <= 10'
        'shop' | 'DELETE FROM items WHERE note = \'orders\''
        'shop' | 'UPDATE items SET orders = 1'
        'other'| 'DELETE FROM orders'
        'shop' | 'ALTER TABLE `_orders_gho` ADD COLUMN e int'
        'shop' | 'RENAME TABLE `shop`.`orders` TO `shop`.`_orders_del`, `shop`.`_orders_gho` TO `shop`.`orders`'
        'shop' | 'CREATE TABLE `_orders_del` LIKE `orders`'
        ''     | 'DELETE FROM orders'
    }
}
