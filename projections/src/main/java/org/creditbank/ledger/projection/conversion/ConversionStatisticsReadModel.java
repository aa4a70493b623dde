package org.creditbank.ledger.projection.conversion;

import org.creditbank.ledger.readmodel.Dialect;
import org.creditbank.ledger.readmodel.ReadModel;
import org.creditbank.ledger.readmodel.SlotTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.ZoneId;

/** The statistics of conversions: applications, decisions and credits by day, institution and rule. */
public final class ConversionStatisticsReadModel {

    /** Its name. */
    public static final String NAME = "conversion-statistics";

    private ConversionStatisticsReadModel() {
    }

    /** Its declaration: trailing the commands, as the other statistics do; days counted in {@code zone}. */
    public static ReadModel declaration(JdbcTemplate jdbc, ZoneId zone, Dialect dialect) {
        return ReadModel.named(NAME)
                .template(SlotTemplate.of(ConversionStatisticsReadModel.class, "conversion-statistics"))
                .projection(slot -> new ConversionTallyProjection(jdbc, slot, zone, dialect))
                .trailing()
                .build();
    }
}
