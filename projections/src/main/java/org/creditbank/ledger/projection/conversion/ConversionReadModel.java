package org.creditbank.ledger.projection.conversion;

import org.creditbank.ledger.readmodel.ReadModel;
import org.creditbank.ledger.readmodel.SlotTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The conversions read model: every application on every account, its sources and its decision. */
public final class ConversionReadModel {

    /** Its name. */
    public static final String NAME = "conversions";

    private ConversionReadModel() {
    }

    /** Its declaration: fed in the command's transaction, so an application reads as it was just decided. */
    public static ReadModel declaration(JdbcTemplate jdbc) {
        return ReadModel.named(NAME)
                .template(SlotTemplate.of(ConversionReadModel.class, "conversions"))
                .projection(slot -> new ConversionProjection(jdbc, slot))
                .inCommandTransaction()
                .build();
    }
}
