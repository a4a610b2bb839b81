package io.oscar.engine.db

import io.oscar.testkit.DatabaseSpec

class SqlStatusSourceIT extends DatabaseSpec {

    def "reads numeric status variables in the caller's spelling and skips unknown ones"() {
        when:
        def values = new SqlStatusSource(primarySql().connection(), db.primary().describe())
                .read(['threads_running', 'Threads_connected', 'No_such_variable'] as Set)

        then:
        values.keySet() == ['threads_running', 'Threads_connected'] as Set
        values.threads_running >= 1
        values.Threads_connected >= 1
    }
}
