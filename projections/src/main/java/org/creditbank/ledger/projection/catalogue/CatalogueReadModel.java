package org.creditbank.ledger.projection.catalogue;

import org.creditbank.ledger.readmodel.ReadModel;
import org.creditbank.ledger.readmodel.SlotTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The recognition catalogue read model: programmes, rules and their versions. */
public final class CatalogueReadModel {

    /** Its name. */
    public static final String NAME = "recognition-catalogue";

    private CatalogueReadModel() {
    }

    /** Its declaration: fed in the command's transaction (the rules of conversion consult it). */
    public static ReadModel declaration(JdbcTemplate jdbc) {
        return ReadModel.named(NAME)
                .template(SlotTemplate.of(CatalogueReadModel.class, "recognition-catalogue"))
                .projection(slot -> new CatalogueProjection(jdbc, slot))
                // An amendment and a withdrawal update their rule's row by its key.
                .inCommandTransaction()
                .build();
    }
}
