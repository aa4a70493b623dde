package org.creditbank.ledger.projection.conversion;

import org.creditbank.ledger.conversion.RuleGrant.Exemption;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Exempted courses as the conversions read model keeps them in one column: {@code EE101:4,EE102:4.5} (course codes
 * hold neither colon nor comma).
 */
final class Exemptions {

    private Exemptions() {
    }

    static String text(List<Exemption> exemptions) {
        return exemptions.stream().map(e -> e.course() + ":" + e.credits().toPlainString())
                .collect(Collectors.joining(","));
    }

    static List<Exemption> parse(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(part -> {
            int colon = part.indexOf(':');
            return new Exemption(part.substring(0, colon), new BigDecimal(part.substring(colon + 1)));
        }).toList();
    }
}
