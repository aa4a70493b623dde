package org.creditbank.ledger.tools.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench-conversion} publishes and applies with: an institution's recognition rules toward one programme,
 * and a learner's achievements made to be weighed against them — four in five of them taken, each by the one rule of
 * its kind and course code, and the rest taken by none (a code no rule names, or a result below the rule's minimum).
 *
 * <p>Rule {@code i} is of kind {@code KINDS[i % 5]} and names course code {@code i / 5}; its criteria vary with the
 * code: a qualification (or vocational) level from 1 up, a minimum percentage on every second code, a maximum age on
 * every third, an awarding body on every seventh; it grants 1 to 4 credits, toward a course on every second code.
 */
final class ConversionWorkload {

    static final List<String> KINDS = List.of("ACADEMIC_COURSE", "VOCATIONAL_CERTIFICATE", "ONLINE_COURSE",
            "MICRO_CREDENTIAL", "SKILLS_TRAINING");
    static final String PROGRAMME = "BENCH-BSC";

    private static final String AWARDING_BODY = "Benchmark University";
    private static final String PERCENT = "PERCENT";
    /** Steps through the codes so that the sources' codes are spread over the catalogue, none twice. */
    private static final int SPREAD = 37;

    private final String institution;
    private final int rules;
    private final int sources;
    private final LocalDate today;

    ConversionWorkload(String institution, int rules, int sources, LocalDate today) {
        if (rules < 2 * KINDS.size() || sources < KINDS.size()) {
            throw new IllegalArgumentException("--rules must be at least " + 2 * KINDS.size() + " and --sources at"
                    + " least " + KINDS.size());
        }
        this.institution = institution;
        this.rules = rules;
        this.sources = sources;
        this.today = today;
    }

    String unit() {
        return "INSTITUTION:" + institution;
    }

    /** The programme, with caps no number of applications reaches (applications are weighed, never decided). */
    Map<String, Object> programme() {
        Map<String, Object> programme = new LinkedHashMap<>();
        programme.put("programme", PROGRAMME);
        programme.put("title", "Benchmark programme");
        programme.put("unit", unit());
        programme.put("totalCredits", 1_000_000);
        programme.put("transferCap", 1_000_000);
        return programme;
    }

    /** Rule {@code i} (0 to rules - 1), in force since 2020. */
    Map<String, Object> rule(int i) {
        int code = i / KINDS.size();
        String kind = KINDS.get(i % KINDS.size());
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("kind", kind);
        criteria.put("code", code(code));
        if (kind.equals("VOCATIONAL_CERTIFICATE")) {
            criteria.put("minVocationalLevel", 1 + code % 5);
        } else {
            criteria.put("minQualificationLevel", 1 + code % 6);
        }
        if (code % 2 == 0) {
            criteria.put("resultScheme", PERCENT);
            criteria.put("minResult", 50 + code % 40);
        }
        if (code % 3 == 0) {
            criteria.put("maxAgeYears", 5 + code % 10);
        }
        if (code % 7 == 0) {
            criteria.put("awardingBody", AWARDING_BODY);
        }
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("unit", unit());
        grant.put("credits", 1 + code % 4);
        if (code % 2 == 0) {
            grant.put("course", "K" + code(code));
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("ruleId", institution + "-R" + i);
        rule.put("programme", PROGRAMME);
        rule.put("criteria", criteria);
        rule.put("grant", grant);
        rule.put("effectiveFrom", "2020-01-01");
        return rule;
    }

    int sources() {
        return sources;
    }

    /** How many of the sources a rule takes: the first four in five. */
    int taken() {
        return sources * 4 / 5;
    }

    /**
     * Source {@code j} (0 to sources - 1) to record: one a rule takes when {@code j < taken()}; past that, every other
     * one has a code no rule names, the others the code of a rule that needs a higher result.
     */
    Map<String, Object> source(int j) {
        String kind = KINDS.get(j % KINDS.size());
        // Every code below this has a rule of each kind, and an even number of them.
        int complete = rules / KINDS.size() / 2 * 2;
        boolean taken = j < taken();
        boolean unknownCode = !taken && (j - taken()) % 2 == 0;
        // An even code: its rules need a percentage, which a refused source falls short of.
        int code = taken ? j * SPREAD % complete : 2 * (j * SPREAD % (complete / 2));
        String shownCode = unknownCode ? "N" + code(code).substring(1) : code(code);
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("kind", kind);
        achievement.put("title", "Benchmark " + kind.toLowerCase().replace('_', ' ') + " " + shownCode);
        achievement.put("awardingBody", AWARDING_BODY);
        achievement.put("achievedOn", today.minusYears(1).toString());
        achievement.put("evidence", Map.of("sha256", "0".repeat(64), "mediaType", "application/pdf"));
        achievement.put("credits", Map.of("amount", 2, "unit", "BANK_CREDIT"));
        achievement.put("qualificationLevel", 8);
        if (kind.equals("VOCATIONAL_CERTIFICATE")) {
            achievement.put("vocationalLevel", 5);
            achievement.put("certificateSerial", shownCode + "-" + institution + "-" + j);
        }
        achievement.put("result", Map.of("scheme", PERCENT, "value", taken || unknownCode ? "95" : "10"));
        // A rule's code is a prefix of the issuer's own id; codes have one width, so no code prefixes another.
        achievement.put("externalReference", Map.of("issuer", "BENCH-" + institution, "id", shownCode + "-" + j));
        return achievement;
    }

    private static String code(int code) {
        return String.format("C%05d", code);
    }
}
