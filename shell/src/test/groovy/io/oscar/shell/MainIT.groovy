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

    /** A fresh try_osc in this spec's schema: every table of earlier features (and their _del copies) dropped. */
    void loadTryOsc() {
        def sql = primarySql()
        sql.execute('SET SESSION foreign_key_checks = 0')
        sql.rows('SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', schema)*.t.each {
            sql.execute("DROP TABLE `${it}`".toString())
        }
        sql.execute('SET SESSION foreign_key_checks = 1')
        io.oscar.testkit.SqlScript.run(primarySql(), io.oscar.testkit.ProjectDir.resolve('examples/try_osc/schema.sql'))
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
        loadTryOsc()

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

    def "plan --json: the seed ALTER is blocked naming the FK; an instant ADD COLUMN says instant: true"() {
        given:
        loadTryOsc()
        def env = [OSCAR_PASSWORD: db.primary().password()]
        def mapper = new com.fasterxml.jackson.databind.ObjectMapper()

        when:
        def seed = oscar(env, *(connectArgs() + ['-e', "use ${schema}; plan --json baseitem MODIFY id bigint NOT NULL AUTO_INCREMENT".toString()]))
        def instant = oscar(env, *(connectArgs() + ['-e', "plan ${schema}.referringitem ADD COLUMN note varchar(20) NOT NULL DEFAULT 'n/a' --json".toString()]))
        def seedJson = mapper.readTree(seed.out)
        def instantJson = mapper.readTree(instant.out)

        then:
        seed.code == 0
        !seedJson.path('runnable').asBoolean(true)
        seedJson.path('steps').size() == 0
        seedJson.path('childForeignKeys').collect { it.path('name').asText() } == ['baseitem_id_refs_id_2d6ba49a']
        seedJson.path('checks').find { it.path('check').asText() == 'parent-foreign-keys' }.path('message').asText().contains('multi-table plan')
        instant.code == 0
        instantJson.path('instant').asBoolean()
        instantJson.path('runnable').asBoolean()
        instantJson.path('steps')[0].path('type').asText() == 'MigrateTable'
        instantJson.path('steps')[0].path('description').asText().startsWith('migrate ')
        instantJson.path('clauses').asText() == "ADD COLUMN note varchar(20) NOT NULL DEFAULT 'n/a'"
        instantJson.path('instantAlternative').asText().endsWith('ALGORITHM=INSTANT')
    }

    def "bad input: #what gives one line of error, a non-zero exit, and creates nothing"() {
        given:
        loadTryOsc()
        def before = primarySql().value('SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', schema)

        when:
        def r = oscar([OSCAR_PASSWORD: password], *(connectArgs() + ['-e', command.replace('SCHEMA', schema)]))

        then:
        r.code != 0
        r.err.readLines().findAll { it.startsWith('error:') || it.startsWith('unknown') }.size() == 1
        r.err.readLines().find { it.startsWith('error:') }.contains(message)
        primarySql().value('SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', schema) == before

        where:
        what                | password                | command                                               || message
        'unparsable ALTER'  | db.primary().password() | 'plan SCHEMA.baseitem MODIFY id bigint banana('       || 'cannot'
        'missing table'     | db.primary().password() | 'plan SCHEMA.nosuch ADD COLUMN x int'                 || 'nosuch'
        'missing schema'    | db.primary().password() | 'plan nosuchschema.baseitem ADD COLUMN x int'         || 'nosuchschema'
        'wrong password'    | 'wrong'                 | 'plan SCHEMA.baseitem ADD COLUMN x int'               || 'access denied'
    }

    def "a --replica nobody listens on: one error line that says it is the replica"() {
        given:
        def p = db.primary()
        def closed = new java.net.ServerSocket(0).withCloseable { it.localPort }

        when:
        def r = oscar([OSCAR_PASSWORD: p.password()], '--host', p.host(), '--port', "${p.port()}".toString(), '--user', p.user(),
                '--replica', "127.0.0.1:${closed}".toString(), '-e', 'status')

        then:
        r.code != 0
        def errors = r.err.readLines().findAll { it.startsWith('error:') }
        errors.size() == 1
        errors[0].contains('the replica: cannot connect to') && errors[0].contains("127.0.0.1:${closed}") && errors[0].contains('check --replica')
    }

    def "the seed ALTER from the command line: shown, refused without --yes, run as the multi-table plan with it"() {
        given:
        loadTryOsc()
        io.oscar.testkit.SqlScript.run(primarySql(), io.oscar.testkit.ProjectDir.resolve('examples/try_osc/data.sql'))
        def env = [OSCAR_PASSWORD: db.primary().password()]
        def run = "run ${schema}.baseitem MODIFY id bigint NOT NULL AUTO_INCREMENT".toString()

        when:
        def refused = oscar(env, *(connectArgs() + ['-e', run]))
        def done = oscar(env, *(connectArgs() + ['-e', run + ' --yes']))

        then:
        refused.code == 1
        refused.out.contains('1. drop foreign key baseitem_id_refs_id_2d6ba49a')
        refused.err.contains('run again with --yes')
        done.code == 0
        done.err.contains('finished: 5 steps')
        primarySql().value("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'referringitem' AND COLUMN_NAME = 'baseitem_id'", schema) == 'bigint(20)'
        primarySql().value("SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND CONSTRAINT_NAME = 'baseitem_id_refs_id_2d6ba49a'", schema) == 1
    }

    def "the launcher path: -e run --yes migrates the table, waits for it and exits 0; the replica has the column too"() {
        given:
        loadTryOsc()
        io.oscar.testkit.SqlScript.run(primarySql(), io.oscar.testkit.ProjectDir.resolve('examples/try_osc/data.sql'))
        def p = db.primary()
        def r = db.replica()
        def columnExists = { io.oscar.testkit.SqlClient sql ->
            sql.value('SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?',
                    schema, 'referringitem', 'note') == 1
        }

        when:
        def run = oscar([OSCAR_PASSWORD: p.password()], '--host', '127.0.0.1', '--port', "${p.port()}".toString(), '--user', p.user(),
                '--replica', "${r.host()}:${r.port()}".toString(),
                '-e', "run ${schema}.referringitem ADD COLUMN note varchar(32) --yes".toString())

        then:
        run.code == 0
        run.err.contains("started: ${schema}.referringitem")
        run.err.contains("${schema}.referringitem DONE")
        columnExists(primarySql())

        when:
        db.awaitReplica(java.time.Duration.ofSeconds(30))

        then:
        columnExists(replicaSql())
        replicaSql().value('SELECT COUNT(*) FROM referringitem') == 25
    }

    def "Ctrl-C (SIGINT) during a batch run aborts the migration: no ghost or changelog table left, the original as it was"() {
        given:
        def sql = primarySql()
        ['sig', '_sig_gho', '_sig_ghc', '_sig_del'].each { sql.execute("DROP TABLE IF EXISTS `${it}`".toString()) }
        sql.execute('CREATE TABLE sig (id int PRIMARY KEY, a int NOT NULL)')
        sql.execute('INSERT INTO sig SELECT seq, seq FROM seq_1_to_20000')
        def p = db.primary()
        def r = db.replica()
        def java = java.nio.file.Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def jar = io.oscar.testkit.ProjectDir.resolve('shell/target/oscar.jar').toString()
        def pb = new ProcessBuilder(java, '-cp', jar, 'io.oscar.shell.Main', '--host', p.host(), '--port', "${p.port()}".toString(),
                '--user', p.user(), '--replica', "${r.host()}:${r.port()}".toString(),
                '-e', "run ${schema}.sig ADD COLUMN x int NOT NULL DEFAULT 0 --yes --chunk-size 50 --nice-ratio 5".toString())
        pb.environment().put('OSCAR_PASSWORD', p.password())
        pb.redirectErrorStream(true)
        def log = java.io.File.createTempFile('oscar-sigint', '.log')
        pb.redirectOutput(log)

        when: 'the copy has begun'
        def proc = pb.start()
        long deadline = System.nanoTime() + 60_000_000_000L
        while (System.nanoTime() < deadline && proc.alive && !(log.text =~ /COPY \d/)) {
            Thread.sleep(50)
        }
        def copying = sql.value("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = '_sig_gho'", schema)
        new ProcessBuilder('kill', '-INT', "${proc.pid()}".toString()).start().waitFor()
        proc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)

        then:
        copying == 1
        !proc.alive
        log.text.contains('interrupted: aborting the running migrations')
        sql.value("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE '\\_sig%'", schema) == 0
        sql.value("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'sig' AND COLUMN_NAME = 'x'", schema) == 0
        sql.value('SELECT COUNT(*) FROM sig') == 20000

        cleanup:
        log?.delete()
    }

    def "bin/oscar [conn] PLAN.groovy runs the plan file and exits 0"() {
        given:
        loadTryOsc()
        def plan = File.createTempFile('note-plan', '.groovy')
        plan.deleteOnExit()
        plan.text = "description 'add a note'\nschema '${schema}'\nmigrate('referringitem') { alter 'ADD COLUMN note2 int NULL' }\n"

        when:
        def r = oscar([OSCAR_PASSWORD: db.primary().password()], *(connectArgs() + [plan.path]))

        then:
        r.code == 0
        r.out.contains('1. migrate ' + schema + '.referringitem: ADD COLUMN note2 int NULL')
        primarySql().value("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'referringitem' AND COLUMN_NAME = 'note2'", schema) == 1
    }
}
