package io.oscar.shell

import io.oscar.testkit.DatabaseSpec

/** bin/oscar's entry point against the real primary and replica. */
class MainIT extends DatabaseSpec {

    @Override
    boolean needsReplica() {
        true
    }

    Map<String, Object> oscar(Map<String, String> env, String... args) {
        def out = new StringWriter()
        def err = new StringWriter()
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env)
        [code: code, out: out.toString(), err: err.toString()]
    }

    List<String> connectArgs() {
        def p = db.primary()
        def r = db.replica()
        ['--host', p.host(), '--port', "${p.port()}".toString(), '--user', p.user(), '--replica', "${r.host()}:${r.port()}".toString()]
    }

    def "connects to primary and replica and runs -e commands"() {
        when:
        def r = oscar([OSCAR_PASSWORD: db.primary().password()], *(connectArgs() + ['-e', 'help; disconnect']))

        then:
        r.code == 0
        r.err.contains("connected to primary ${db.primary().describe()} (${db.flavor().label()})")
        r.err.contains("connected to replica ${db.replica().describe()}")
        r.err.contains("disconnected")
    }

    def "a failing -e command gives a non-zero exit"() {
        expect:
        oscar([OSCAR_PASSWORD: db.primary().password()], *(connectArgs() + ['-e', 'help; nosuchcommand; help'])).code == 1
    }

    def "a wrong password exits 1 with one clear line and no password in it"() {
        when:
        def r = oscar([OSCAR_PASSWORD: 'not-the-password'], *(connectArgs() + ['-e', 'help']))

        then:
        r.code == 1
        r.err.contains("access denied for ${db.primary().describe()}")
        !r.err.contains('not-the-password')
    }

    def "the password can come from a defaults file"() {
        given:
        def cnf = File.createTempFile('oscar', '.cnf')
        cnf.deleteOnExit()
        cnf.text = "[client]\nuser=${db.primary().user()}\npassword=${db.primary().password()}\n" +
                "host=${db.primary().host()}\nport=${db.primary().port()}\n"

        when:
        def r = oscar([:], '--defaults-file', cnf.path, '-e', 'help')

        then:
        r.code == 0
        r.err.contains("connected to primary ${db.primary().describe()}")
    }

    def "inspect --json prints only JSON: the table, its FK children and both servers"() {
        given:
        io.oscar.testkit.SqlScript.run(primarySql(), io.oscar.testkit.ProjectDir.resolve('examples/try_osc/schema.sql'))

        when:
        def r = oscar([OSCAR_PASSWORD: db.primary().password()], *(connectArgs() + ['-e', "inspect --json ${schema}.baseitem".toString()]))
        def json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out)

        then:
        r.code == 0
        json.path('table').path('name').path('table').asText() == 'baseitem'
        json.path('table').path('columns').collect { it.path('name').asText() } == ['id', 'created_on', 'updated_on', 'product_id']
        json.path('referencingTree').collect { it.path('name').asText() } == ['baseitem_id_refs_id_2d6ba49a']
        json.path('primaryBinlog').path('binlogFormat').asText() == 'ROW'
        json.path('replicaStatus').path('sqlThread').asText() == 'Yes'
    }

    def "use and inspect report unknown schemas and tables with a suggestion"() {
        when:
        def r = oscar([OSCAR_PASSWORD: db.primary().password()], *(connectArgs() + ['-e', "use ${schema}; inspect basitem".toString()]))

        then:
        r.code == 1
        r.err.contains("table basitem does not exist in schema ${schema}")
    }
}
