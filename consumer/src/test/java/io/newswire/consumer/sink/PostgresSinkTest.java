package io.newswire.consumer.sink;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The sink contract on a real PostgreSQL server (see {@link PostgresTestDatabase} for which one), each test
 * in a schema of its own. Skipped with a message when no server answers.
 */
class PostgresSinkTest extends JdbcSinkContract {

    private PostgresTestDatabase.Schema schema;

    @BeforeEach
    void createSchema() {
        schema = PostgresTestDatabase.assumeAvailable().createSchema();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }

    @Override
    protected String sinkUrl() {
        return schema.url();
    }

    @Override
    protected String unopenableUrl() {
        // Port 1 on the loopback: nothing listens there, and the connection is refused at once.
        return "jdbc:postgresql://127.0.0.1:1/newswire_test?user=newswire&password=s3cret&connectTimeout=2";
    }
}
