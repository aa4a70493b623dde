package org.creditbank.ledger.log.leaf;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recomputes a learner's credit totals from the events of their archive alone, as stored (JSON): certified
 * achievements count, in their unit system; rejected, revoked and superseded ones do not. The server states the
 * totals of a verified archive with this, and an offline verifier recomputes them with this.
 */
public final class ArchivedCredits {

    private ArchivedCredits() {
    }

    /** An event of the archive: its stored type and its payload. */
    public record ArchivedEvent(String type, JsonObject payload) {
    }

    /** Totals per unit system, units in alphabetical order, amounts as plain decimal strings. */
    public static Map<String, String> totals(List<ArchivedEvent> events) {
        Map<String, Standing> standings = new LinkedHashMap<>();
        for (ArchivedEvent event : events) {
            JsonObject p = event.payload();
            switch (simpleName(event.type())) {
                case "AchievementRecorded" -> standings.put(p.getString("achievementId"),
                        new Standing("RECORDED", decimal(p, "credits"), p.getString("creditUnit")));
                case "AchievementCertified" -> standings.computeIfPresent(p.getString("achievementId"),
                        (id, s) -> new Standing("CERTIFIED", decimal(p, "credits"), p.getString("creditUnit")));
                case "AchievementRejected" -> status(standings, p, "REJECTED");
                case "AchievementRevoked" -> status(standings, p, "REVOKED");
                case "AchievementCorrected" -> {
                    JsonObject corrected = p.getJsonObject("corrected");
                    if (corrected != null && !isNull(corrected, "credits")) {
                        standings.computeIfPresent(p.getString("achievementId"), (id, s) ->
                                new Standing(s.status(), decimal(corrected, "credits"),
                                        corrected.getString("creditUnit")));
                    }
                }
                case "MergedAccountAbsorbed" -> {
                    Set<String> superseded = new HashSet<>();
                    p.getJsonArray("superseded").getValuesAs(JsonString.class)
                            .forEach(id -> superseded.add(id.getString()));
                    for (JsonObject carried : p.getJsonArray("carried").getValuesAs(JsonObject.class)) {
                        String id = carried.getString("achievementId");
                        if (!superseded.contains(id)) {
                            standings.put(id, new Standing(carried.getString("status"), decimal(carried, "credits"),
                                    carried.getString("creditUnit")));
                        }
                    }
                }
                default -> {
                    // other events do not move credits
                }
            }
        }
        Map<String, BigDecimal> sums = new TreeMap<>();
        standings.values().stream().filter(s -> s.status().equals("CERTIFIED"))
                .forEach(s -> sums.merge(s.unit(), s.credits(), BigDecimal::add));
        Map<String, String> totals = new LinkedHashMap<>();
        sums.forEach((unit, sum) -> totals.put(unit, sum.stripTrailingZeros().toPlainString()));
        return totals;
    }

    private static void status(Map<String, Standing> standings, JsonObject p, String status) {
        standings.computeIfPresent(p.getString("achievementId"),
                (id, s) -> new Standing(status, s.credits(), s.unit()));
    }

    private static BigDecimal decimal(JsonObject object, String field) {
        JsonValue value = object.get(field);
        return switch (value.getValueType()) {
            case STRING -> new BigDecimal(((JsonString) value).getString());
            case NUMBER -> object.getJsonNumber(field).bigDecimalValue();
            default -> throw new IllegalArgumentException(field + " is not a decimal");
        };
    }

    private static boolean isNull(JsonObject object, String field) {
        return !object.containsKey(field) || object.isNull(field);
    }

    private static String simpleName(String type) {
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    private record Standing(String status, BigDecimal credits, String unit) {
    }
}
