package io.oscar.scripts

import io.oscar.engine.api.ErrorCode
import io.oscar.engine.api.OscarException
import spock.lang.Specification

class PlanErrorsSpec extends Specification {

    String errorOf(String source) {
        try {
            PlanLoader.load('widen.groovy', source, FakeSchemaView.examples())
        } catch (OscarException e) {
            assert e.code() == ErrorCode.INVALID_ARGUMENT
            return e.message
        }
        throw new AssertionError('expected the plan to fail: ' + source)
    }

    def "a syntax error names the file and line"() {
        expect:
        errorOf('schema "try_osc"\n\nmigrate("baseitem") {\n  alter "x"\n') ==~ /widen\.groovy:\d+: Unexpected input: .*/
        errorOf('schema "try_osc"\ndef x = (1 +\nmigrate("baseitem", "x")') ==~ /widen\.groovy:3: .*/
    }

    def "#problem: file:line and what to do"() {
        expect:
        errorOf(source) == message

        where:
        problem                      | source                                                                  || message
        'a migrate without alter'    | 'schema "s"\n\nmigrate("t") {\n  chunkSize 500\n}'                      || 'widen.groovy:3: migrate("s.t") has no alter; add alter "..." inside the block'
        'an unknown option'          | 'migrate("s.t") {\n  alter "x"\n  chunksize 500\n}'                      || 'widen.groovy:3: unknown option \'chunksize\' in migrate("s.t") { }; options are ' + MigrationBuilder.OPTIONS
        'an unknown constant'        | 'migrate("s.t") {\n  alter "x"\n  cutover MANUALLY\n}'                   || 'widen.groovy:3: unknown name \'MANUALLY\' in migrate("s.t") { }; cutover takes AUTO or MANUAL'
        'a wrong kind of value'      | 'migrate("s.t") {\n  alter "x"\n  chunkSize "big"\n}'                    || 'widen.groovy:3: chunkSize does not take (String); write e.g. chunkSize 2000'
        'a value out of range'       | 'migrate("s.t") {\n  alter "x"\n  chunkSize 5\n}'                        || 'widen.groovy:3: chunk-size 5 is outside 10..100000'
        'an option without value'    | 'migrate("s.t") {\n  alter "x"\n  approveDataLoss\n}'                    || 'widen.groovy:3: unknown name \'approveDataLoss\' in migrate("s.t") { }; approveDataLoss needs a value, e.g. approveDataLoss true'
        'a statement in a block'     | 'migrate("s.t") {\n  alter "x"\n  pause "wait"\n}'                       || 'widen.groovy:3: unknown option \'pause\' in migrate("s.t") { } (pause is a plan statement: write it outside the block); options are ' + MigrationBuilder.OPTIONS
        'alter twice'                | 'migrate("s.t", "x") {\n  alter "y"\n}'                                  || 'widen.groovy:2: alter given twice for s.t; write one alter with the changes separated by commas'
        'an unknown statement'       | 'sql "SELECT 1"\nmigrat("s.t") { alter "x" }'                            || 'widen.groovy:2: unknown statement \'migrat\'; statements are ' + PlanErrors.STATEMENTS
        'an unknown name'            | 'sql "SELECT 1"\ncutover MANUAL\nmigrate(s.t, "x")'                     || 'widen.groovy:2: unknown statement \'cutover\'; statements are ' + PlanErrors.STATEMENTS
        'an undeclared variable'     | 'sql "SELECT 1"\nmigrate(baseitem, "x")'                                 || 'widen.groovy:2: unknown name \'baseitem\'; declare it with def, or quote it if it is text (cut-over modes are AUTO and MANUAL)'
        'a table without schema'     | 'sql "SELECT 1"\n\nmigrate("t", "x")'                                    || 'widen.groovy:3: table \'t\' names no schema: write schema.table, or choose one first (\'use SCHEMA\' or --database)'
        'a wrong step argument'      | 'foreignKeysReferencing("try_osc.baseitem").each {\n  dropForeignKey it.name()\n}' || 'widen.groovy:2: dropForeignKey does not take (String); see the plan language reference'
        'a missing foreign key'      | 'sql "SELECT 1"\nforeignKey("try_osc.referringitem", "fk_x")'            || 'widen.groovy:2: try_osc.referringitem has no foreign key named \'fk_x\'; it declares [baseitem_id_refs_id_2d6ba49a]'
        'a failing expression'       | 'sql "SELECT 1"\n\n\nInteger.parseInt("x")'                             || 'widen.groovy:4: For input string: "x"'
        'a second description'       | 'description "a"\ndescription "b"'                                        || 'widen.groovy:2: description given twice'
    }

    def "what has no place in a plan is refused at compile time, with its line: #source"() {
        expect:
        errorOf(source) == message

        where:
        source                                      || message
        'sql "x"\nSystem.exit(0)'                   || 'widen.groovy:2: java.lang.System is not allowed in a plan: a plan reads the schema view and records steps'
        'sql "x"\nnew Thread({}).start()'           || 'widen.groovy:2: java.lang.Thread is not allowed in a plan: a plan reads the schema view and records steps'
        'import java.sql.DriverManager\nsql "x"'    || 'widen.groovy:1: java.sql.DriverManager is not allowed in a plan: a plan reads the schema view and records steps'
        'import java.net.*\nsql "x"'                || 'widen.groovy:1: import java.net.* is not allowed in a plan: a plan reads the schema view and records steps'
        'sql "x"\nnew java.io.File("/tmp/x").text'  || 'widen.groovy:2: java.io.File is not allowed in a plan: a plan reads the schema view and records steps'
        'sql "x"\n"rm -rf /".execute()'             || 'widen.groovy:2: execute() starts a process; not allowed in a plan'
        'sql "x"\nthis.@schemaView'                 || 'widen.groovy:2: direct field access (.@) is not allowed in a plan'
    }

    def "evaluating more code is refused at run time"() {
        expect:
        errorOf('sql "x"\nevaluate("1 + 1")') == 'widen.groovy:2: evaluate is not available in a plan'
    }
}
