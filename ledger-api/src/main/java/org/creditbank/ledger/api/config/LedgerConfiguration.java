package org.creditbank.ledger.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditbank.ledger.api.privacy.JdbcPersonalDataVault;
import org.creditbank.ledger.branch.BranchDirectory;
import org.creditbank.ledger.branch.Jurisdiction;
import org.creditbank.ledger.learner.IdentityHasher;
import org.creditbank.ledger.learner.IdentityRegister;
import org.creditbank.ledger.learner.LearnerNumberIssuer;
import org.creditbank.ledger.learner.PersonalDataVault;
import org.creditbank.ledger.projection.actlog.ActLogReadModel;
import org.creditbank.ledger.projection.actlog.ActLogQueries;
import org.creditbank.ledger.projection.register.JdbcCertificateRegister;
import org.creditbank.ledger.projection.register.BranchQueries;
import org.creditbank.ledger.projection.register.BranchRegisterReadModel;
import org.creditbank.ledger.conversion.ConversionCalendar;
import org.creditbank.ledger.projection.catalogue.CatalogueReadModel;
import org.creditbank.ledger.projection.catalogue.JdbcRecognitionCatalogue;
import org.creditbank.ledger.projection.points.JdbcPointsLedger;
import org.creditbank.ledger.projection.points.PointsReadModel;
import org.creditbank.ledger.projection.register.CertificateRegisterReadModel;
import org.creditbank.ledger.projection.register.IdentityRegisterReadModel;
import org.creditbank.ledger.projection.register.JdbcBranchDirectory;
import org.creditbank.ledger.projection.archive.ArchiveReadModel;
import org.creditbank.ledger.projection.archive.ArchiveQueries;
import org.creditbank.ledger.projection.register.JdbcIdentityRegister;
import org.creditbank.ledger.readmodel.Dialect;
import org.creditbank.ledger.readmodel.ReadModelSlots;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditbank.ledger.api.learner.ArchivePages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.ZoneId;

/** The domain's ports and the read models, wired to the database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
public class LedgerConfiguration {

    /** The schema's migration, adopting a database of the schema history before it was squashed. */
    @Bean
    public LegacySchemaHistory legacySchemaHistory() {
        return new LegacySchemaHistory();
    }

    @Bean
    public JdbcBranchDirectory branchDirectory(JdbcTemplate jdbc, ReadModelSlots slots) {
        return new JdbcBranchDirectory(jdbc, slots.liveSlot(BranchRegisterReadModel.NAME));
    }

    @Bean
    public Jurisdiction jurisdiction(BranchDirectory directory) {
        return new Jurisdiction(directory);
    }

    @Bean
    public IdentityRegister identityRegister(JdbcTemplate jdbc, ReadModelSlots slots) {
        return new JdbcIdentityRegister(jdbc, slots.liveSlot(IdentityRegisterReadModel.NAME));
    }

    @Bean
    public JdbcCertificateRegister certificateRegister(JdbcTemplate jdbc, ReadModelSlots slots,
                                                       PlatformTransactionManager transactions) {
        return new JdbcCertificateRegister(jdbc, slots.liveSlot(CertificateRegisterReadModel.NAME), transactions);
    }

    @Bean
    public JdbcRecognitionCatalogue recognitionCatalogue(JdbcTemplate jdbc, ReadModelSlots slots) {
        return new JdbcRecognitionCatalogue(jdbc, slots.liveSlot(CatalogueReadModel.NAME));
    }

    @Bean
    public JdbcPointsLedger pointsLedger(JdbcTemplate jdbc, ReadModelSlots slots) {
        return new JdbcPointsLedger(jdbc, slots.liveSlot(PointsReadModel.NAME));
    }

    /** Conversion counts dates in the ledger's time zone, as the statistics do. */
    @Bean
    public ConversionCalendar conversionCalendar(ZoneId ledgerZone) {
        return new ConversionCalendar(ledgerZone);
    }

    /** Which of the two databases the ledger runs on. */
    @Bean
    public Dialect dialect(DataSource dataSource) {
        return Dialect.of(dataSource);
    }

    /** Whether the ledger runs on the embedded default, where missing keys may be generated. */
    @Bean
    public EmbeddedDefault embeddedDefault(Dialect dialect) {
        return new EmbeddedDefault(dialect == Dialect.H2);
    }

    /** @param embedded true on the embedded H2 database */
    public record EmbeddedDefault(boolean embedded) {
    }

    @Bean
    public IdentityHasher identityHasher(LedgerProperties properties, EmbeddedDefault database) {
        return new IdentityHasher(SecretKeys.load(SecretKeys.symmetric("identity hash key", "LEDGER_IDENTITY_KEY"),
                properties.identityKey(), properties.identityKeyFile(),
                properties.dataDir().resolve("identity-hash.key"), database.embedded()));
    }

    @Bean
    public LearnerNumberIssuer learnerNumberIssuer(DataSource dataSource, Dialect dialect) {
        DataFieldMaxValueIncrementer serials = dialect == Dialect.H2
                ? new H2SequenceMaxValueIncrementer(dataSource, "learner_serial_seq")
                : new PostgresSequenceMaxValueIncrementer(dataSource, "learner_serial_seq");
        return new JdbcLearnerNumberIssuer(serials);
    }

    /** Personal data sealed per learner; plaintext as the event mapper writes it, so it reads the same for life. */
    @Bean
    public JdbcPersonalDataVault personalDataVault(JdbcTemplate jdbc, LedgerProperties properties,
                                                   @Qualifier("defaultAxonObjectMapper") ObjectMapper json,
                                                   EmbeddedDefault database, Clock clock) {
        byte[] master = SecretKeys.load(SecretKeys.symmetric("personal-data master key", "LEDGER_PERSONAL_DATA_KEY"),
                properties.personalDataKey(), properties.personalDataKeyFile(),
                properties.dataDir().resolve("personal-data.key"), database.embedded());
        return new JdbcPersonalDataVault(jdbc, json, master, clock);
    }

    @Bean
    public ActLogQueries auditQueries(JdbcTemplate jdbc, ReadModelSlots slots) {
        return new ActLogQueries(jdbc, slots.liveSlot(ActLogReadModel.NAME),
                slots.liveSlot(BranchRegisterReadModel.NAME));
    }

    @Bean
    public BranchQueries branchQueries(JdbcTemplate jdbc, ReadModelSlots slots) {
        return new BranchQueries(jdbc, slots.liveSlot(BranchRegisterReadModel.NAME));
    }

    @Bean
    public ArchivePages archivePages(JdbcTemplate jdbc, ReadModelSlots slots, ObjectMapper json,
                                     LedgerProperties properties) {
        return new ArchivePages(jdbc, () -> slots.generation(ArchiveReadModel.NAME), json,
                properties.archiveCacheMegabytes());
    }

    @Bean
    public ArchiveQueries accountQueries(JdbcTemplate jdbc, ReadModelSlots slots) {
        return new ArchiveQueries(jdbc, slots.liveSlot(ArchiveReadModel.NAME),
                slots.liveSlot(BranchRegisterReadModel.NAME));
    }
}
