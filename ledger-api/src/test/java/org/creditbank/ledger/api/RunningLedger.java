package org.creditbank.ledger.api;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real ledger server, started in this JVM on a free port, on a fresh PostgreSQL schema or on the embedded
 * default in a fresh folder. Tests talk to it over HTTP only, and look into its database to check what was stored.
 */
public final class RunningLedger implements AutoCloseable {

    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String POSTGRES_USER = "postgres";
    static final String IDENTITY_KEY = "bGVkZ2VyLWludGVncmF0aW9uLXRlc3RzLWlkZW50aXR5LWtleSE=";
    static final String PERSONAL_DATA_KEY = "bGVkZ2VyLWludGVncmF0aW9uLXRlc3RzLXBlcnNvbmFsLWRhdGE=";
    /** One log signing key for the test run (on PostgreSQL every node must be given the same key). */
    static final String LOG_SIGNING_KEY =
            org.creditbank.ledger.log.NoteKeys.Signer.generate("ledger.creditbank.local/log").encoded();

    /** The keys a PostgreSQL ledger must be given, as LEDGER_* environment variables. */
    static Map<String, String> keyEnvironment() {
        return Map.of("LEDGER_IDENTITY_KEY", IDENTITY_KEY, "LEDGER_PERSONAL_DATA_KEY", PERSONAL_DATA_KEY,
                "LEDGER_LOG_SIGNING_KEY", LOG_SIGNING_KEY);
    }

    /** The {@code test} database as its owner, for schemas of its own. */
    static JdbcTemplate postgresAdmin() {
        return new JdbcTemplate(new DriverManagerDataSource(POSTGRES_URL, POSTGRES_USER, ""));
    }

    private final Map<String, Object> properties;
    private final String schema;
    private final Clock clock;
    /** Whether closing this ledger drops its schema: a second node leaves it to the first. */
    private final boolean ownsSchema;
    /** Configuration classes of the tests' own, added to the server's from its next start. */
    private final List<Class<?>> extraSources = new java.util.ArrayList<>();
    private ConfigurableApplicationContext context;
    private Http http;
    private Identity identity;

    private RunningLedger(Map<String, Object> properties, String schema, Clock clock, boolean ownsSchema) {
        this.properties = properties;
        this.schema = schema;
        this.clock = clock;
        this.ownsSchema = ownsSchema;
        start();
    }

    private RunningLedger(Map<String, Object> properties, String schema, Clock clock) {
        this(properties, schema, clock, true);
    }

    private RunningLedger(Map<String, Object> properties, String schema) {
        this(properties, schema, null);
    }

    /**
     * A ledger on a fresh PostgreSQL schema (or on the embedded default) whose time is {@code clock}: a test can let
     * months of recorded time pass. Events of other ledgers in this JVM are stamped by the last one started, so close
     * it before the next starts.
     */
    public static RunningLedger withClock(boolean postgres, Clock clock) {
        Map<String, Object> properties = postgres ? postgresProperties(Map.of()) : embeddedProperties();
        String schema = postgres ? (String) properties.get("spring.flyway.schemas") : null;
        return new RunningLedger(properties, schema, clock);
    }

    /** A ledger on a schema of its own in the {@code test} database on 127.0.0.1:5432. */
    public static RunningLedger onPostgres() {
        return onPostgres(Map.of());
    }

    /** The same, with some settings of its own. */
    public static RunningLedger onPostgres(Map<String, Object> settings) {
        Map<String, Object> properties = postgresProperties(settings);
        return new RunningLedger(properties, (String) properties.get("spring.flyway.schemas"));
    }

    private static Map<String, Object> postgresProperties(Map<String, Object> settings) {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String issuer = Identity.shared().issuer().toString();
        Map<String, Object> properties = common();
        properties.put("spring.datasource.url", POSTGRES_URL + "?currentSchema=" + schema);
        properties.put("spring.datasource.username", POSTGRES_USER);
        properties.put("spring.datasource.password", "");
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.create-schemas", "true");
        properties.put("ledger.data-dir", temporaryFolder("ledger-postgres-").toString());
        properties.put("ledger.personal-data-key", PERSONAL_DATA_KEY);
        properties.put("ledger.log.signing-key", LOG_SIGNING_KEY);
        properties.put("ledger.identity.issuer", issuer);
        properties.putAll(settings);
        return properties;
    }

    /**
     * A second node of a PostgreSQL ledger, as an operator would start one on another machine: the first node's
     * database schema, keys, settings and identity provider, with a port and a data folder of its own. Closing it
     * leaves the schema to the first node.
     */
    public static RunningLedger anotherNode(RunningLedger first) {
        if (first.schema == null) {
            throw new IllegalArgumentException("only a PostgreSQL ledger runs on several nodes");
        }
        Map<String, Object> properties = new HashMap<>(first.properties);
        properties.put("ledger.data-dir", temporaryFolder("ledger-node-").toString());
        // In one JVM, Axon's default name for a node (pid@host) would be the first node's: named apart.
        properties.put("ledger.node-id", "node-" + UUID.randomUUID().toString().substring(0, 8) + "@"
                + ProcessHandle.current().pid());
        return new RunningLedger(properties, first.schema, null, false);
    }

    /** A ledger on the embedded default (no database configuration) in a fresh data folder. */
    public static RunningLedger embedded() {
        return embedded(Map.of());
    }

    /** The same, with some settings of its own. */
    public static RunningLedger embedded(Map<String, Object> settings) {
        Map<String, Object> properties = embeddedProperties();
        properties.putAll(settings);
        return new RunningLedger(properties, null);
    }

    private static Map<String, Object> embeddedProperties() {
        Map<String, Object> properties = common();
        properties.put("ledger.data-dir", temporaryFolder("ledger-embedded-").toString());
        properties.remove("ledger.identity-key");
        // A fixed port: the embedded identity provider's issuer URL names it, and a restart keeps it.
        properties.put("server.port", String.valueOf(Identity.freePort()));
        return properties;
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The ledger's data folder: its generated keys live there. */
    public Path dataDir() {
        return Path.of((String) properties.get("ledger.data-dir"));
    }

    private static Map<String, Object> common() {
        Map<String, Object> properties = new HashMap<>(Identity.settings());
        properties.put("server.port", "0");
        properties.put("ledger.identity-key", IDENTITY_KEY);
        // The suite's data generators (StatisticsTest: two thousand learners' lives from four threads) are bulk
        // imports beyond a person's rate; AbuseLimitsTest proves the limit on a ledger of its own.
        properties.put("ledger.limits.requests-per-minute", "1000000");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.creditbank", "INFO");
        return properties;
    }

    /** Adds a configuration of the test's own (a read model declared only in a test, say) from the next start on. */
    public void addToNextStart(Class<?> configuration) {
        extraSources.add(configuration);
    }

    /** Stops the server and starts it again on the same database. */
    public void restart() {
        stop();
        start();
    }

    /** Stops the server, keeping its database. */
    public void stop() {
        context.close();
    }

    /** Starts the server (again) on its database. */
    public void start() {
        // As command-line arguments, so they outrank application.yml exactly as an operator's settings would.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        SpringApplicationBuilder application = new SpringApplicationBuilder(LedgerServer.class);
        extraSources.forEach(application::sources);
        if (clock != null) {
            application.initializers(c -> ((GenericApplicationContext) c).registerBean("testClock", Clock.class,
                    () -> clock));
        }
        context = application.run(args);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        if (identity == null) {
            identity = properties.containsKey("ledger.identity.issuer") ? Identity.shared()
                    : new Identity(java.net.URI.create("http://localhost:" + port), dataDir());
        }
        http = new Http("http://127.0.0.1:" + port, identity);
    }

    public Http http() {
        return http;
    }

    /** The identity provider this ledger accepts tokens from. */
    public Identity identity() {
        return identity;
    }

    /** The server's own database, to check what was (or was not) stored. */
    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** The JDBC URL of this ledger's database (PostgreSQL ledgers only). */
    public String jdbcUrl() {
        return POSTGRES_URL + "?currentSchema=" + schema;
    }

    /** The schema of this ledger (PostgreSQL ledgers only). */
    public String schema() {
        return schema;
    }

    /** A component of the running server, for tests that check it directly. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The database, reached directly: works while the server is stopped (PostgreSQL ledgers only). */
    public JdbcTemplate jdbcAdmin() {
        return new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(), POSTGRES_USER, ""));
    }

    /** How many events the store holds. */
    public long eventCount() {
        return jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    /** How many events the store holds for one aggregate. */
    public long eventCount(String aggregateId) {
        return jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
        if (clock != null) {
            // Axon stamps event messages with a clock of its own, set by the last ledger started: give it back.
            org.axonframework.eventhandling.GenericEventMessage.clock = Clock.systemUTC();
        }
        if (schema != null && ownsSchema) {
            DriverManagerDataSource admin = new DriverManagerDataSource(POSTGRES_URL, POSTGRES_USER, "");
            new JdbcTemplate(admin).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
