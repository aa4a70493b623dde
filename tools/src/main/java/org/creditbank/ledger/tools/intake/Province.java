package org.creditbank.ledger.tools.intake;

import org.creditbank.ledger.learner.Iso7064Mod11_2;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A synthetic province, the same for the same seed: the branch network under an installed provincial centre (every
 * tier: the eleven cities of Zhejiang, county sub-centres, township acceptance points, universities and colleges),
 * two officers a branch, learners with Chinese names and consistent resident ID numbers, and their achievements of
 * every kind in proportions like a credit bank's, each with the status a legacy system would hold (mostly certified;
 * some awaiting, rejected or revoked). A given share of rows is deliberately bad, each kind of fault the import must
 * refuse; what the valid rows must make is {@linkplain Expected counted}.
 */
public final class Province {

    /** What importing the generated files must give: rows by outcome, accounts, achievements, credits, events. */
    public record Expected(long branches, long officers, long learners, long badLearners, long achievements,
                           long badAchievements, Map<String, Long> achievementsByStatus,
                           Map<String, BigDecimal> creditsByUnit, long events, Map<String, Long> faults) {
    }

    /** An achievement kind, its share of all achievements, its unit and range of credits, and what it is. */
    private record Kind(String name, int share, String unit, int min, int max, String[] titles, String[] bodies) {
    }

    private static final String[][] CITIES = {{"HZ", "330100", "杭州"}, {"NB", "330200", "宁波"},
            {"WZ", "330300", "温州"}, {"JX", "330400", "嘉兴"}, {"HU", "330500", "湖州"}, {"SX", "330600", "绍兴"},
            {"JH", "330700", "金华"}, {"QZ", "330800", "衢州"}, {"ZS", "330900", "舟山"}, {"TZ", "331000", "台州"},
            {"LS", "331100", "丽水"}};
    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            + "于蒋蔡余杜叶程苏魏吕丁任沈姚卢").split("");
    private static final String[] GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文玉兰红梅志强"
            + "晓东海燕春雨欣怡子涵浩然思远佳琪宇轩").split("");
    private static final String[] UNIVERSITIES = {"ZJU:浙江大学", "ZJUT:浙江工业大学", "ZJNU:浙江师范大学",
            "HZNU:杭州师范大学", "NBU:宁波大学", "ZJOU:浙江开放大学"};
    private static final Kind[] KINDS = {
            new Kind("ACADEMIC_COURSE", 35, "BANK_CREDIT", 1, 5, new String[]{"高等数学", "大学英语", "线性代数",
                    "计算机基础", "管理学原理"}, null),
            new Kind("ONLINE_COURSE", 15, "HOURS", 8, 40, new String[]{"人工智能导论", "数据分析入门", "网页设计"},
                    new String[]{"浙江省在线学习平台", "学习强国"}),
            new Kind("SKILLS_TRAINING", 12, "HOURS", 16, 64, new String[]{"电工技能培训", "家政服务培训", "电商运营培训"},
                    new String[]{"浙江省人社厅", "杭州市职业技能中心"}),
            new Kind("COMMUNITY_LEARNING", 10, "HOURS", 4, 32, new String[]{"社区书法", "茶艺", "摄影基础"},
                    new String[]{"社区学校", "街道成人学校"}),
            new Kind("VOCATIONAL_CERTIFICATE", 8, "BANK_CREDIT", 4, 12, new String[]{"电工", "育婴员", "中式烹调师"},
                    new String[]{"MOHRSS"}),
            new Kind("ELDERLY_EDUCATION", 6, "HOURS", 8, 48, new String[]{"智能手机应用", "太极拳", "老年合唱"},
                    new String[]{"浙江老年大学", "社区老年学堂"}),
            new Kind("MICRO_CREDENTIAL", 6, "BANK_CREDIT", 1, 2, new String[]{"Python 编程微证书", "财务共享微证书"},
                    new String[]{"浙江开放大学"}),
            new Kind("DEGREE_DIPLOMA", 3, "BANK_CREDIT", 60, 120, new String[]{"大专毕业证书", "本科毕业证书"}, null),
            new Kind("COMPETITION_AWARD", 3, "BANK_CREDIT", 1, 3, new String[]{"职业技能大赛三等奖", "创新创业大赛优胜奖"},
                    new String[]{"浙江省教育厅"}),
            new Kind("PRIOR_LEARNING_RECOGNITION", 2, "BANK_CREDIT", 2, 8, new String[]{"工作经历认定", "先前学习认定"},
                    null)};
    private static final Instant END = Instant.parse("2025-12-31T00:00:00Z");
    private static final long FIRST_DAY = LocalDate.parse("2008-01-01").toEpochDay();
    private static final long LAST_DAY = LocalDate.parse("2025-06-30").toEpochDay();

    private final SplittableRandom random;
    private final String centre;
    private final double badShare;
    private final List<String[]> branches = new ArrayList<>();
    private final List<String[]> officeBranches = new ArrayList<>();

    /**
     * @param seed     the same seed makes the same files
     * @param centre   the code of the installed provincial centre the network is registered under
     * @param badShare the share of learner and achievement rows made deliberately bad (0 to 1)
     */
    public Province(long seed, String centre, double badShare) {
        this.random = new SplittableRandom(seed);
        this.centre = centre;
        this.badShare = badShare;
    }

    /** Every column's values of one row. */
    public interface Rows {
        void branch(Map<String, String> row);

        void officer(Map<String, String> row);

        void learner(Map<String, String> row);

        /** An achievement; {@code malformed}: written so that the file garbles it (a cell too many). */
        void achievement(Map<String, String> row, boolean malformed);
    }

    /** Writes the province of {@code learners} learners, about {@code perLearner} achievements each. */
    public Expected generate(long learners, int perLearner, Rows out) {
        Counts counts = new Counts();
        network(out, counts);
        for (long i = 0; i < learners; i++) {
            learner(i, perLearner, out, counts);
        }
        return counts.expected();
    }

    private void network(Rows out, Counts counts) {
        int countiesPerCity = 3;
        for (String[] city : CITIES) {
            String code = "M-" + city[0];
            branch(out, counts, code, city[2] + "市学分银行分行", "MUNICIPAL_BRANCH", centre, city[1]);
            for (int c = 1; c <= countiesPerCity; c++) {
                String division = city[1].substring(0, 4) + String.format("%02d", c * 2);
                String county = "C-" + city[0] + c;
                branch(out, counts, county, city[2] + "第" + c + "县区学分银行服务中心", "COUNTY_SUB_CENTRE", code,
                        division);
                for (int p = 1; p <= 2; p++) {
                    branch(out, counts, "P-" + city[0] + c + "-" + p, city[2] + "第" + c + "县区第" + p + "乡镇受理点",
                            "ACCEPTANCE_POINT", county, division);
                }
            }
        }
        for (String university : UNIVERSITIES) {
            String[] parts = university.split(":");
            branch(out, counts, "U-" + parts[0], parts[1] + "学分银行分部", "INSTITUTION_BRANCH", centre, "330000");
        }
        for (String[] branch : officeBranches) {
            for (int o = 1; o <= 2; o++) {
                Map<String, String> officer = new LinkedHashMap<>();
                officer.put("branchCode", branch[0]);
                officer.put("officerId", officerOf(branch[0], o));
                officer.put("name", name());
                officer.put("subject", "legacy-" + officerOf(branch[0], o));
                officer.put("roles", "OFFICER|CERTIFIER");
                out.officer(officer);
                counts.officers++;
            }
        }
    }

    private void branch(Rows out, Counts counts, String code, String name, String tier, String parent,
                        String division) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("code", code);
        row.put("name", name);
        row.put("tier", tier);
        row.put("parentCode", parent);
        row.put("divisionCode", division);
        out.branch(row);
        counts.branches++;
        branches.add(new String[]{code, division, tier});
        officeBranches.add(new String[]{code, division});
    }

    private static String officerOf(String branch, int n) {
        return branch.toLowerCase() + "-o" + n;
    }

    private void learner(long index, int perLearner, Rows out, Counts counts) {
        String[] branch = branches.get(random.nextInt(branches.size()));
        String division = branch[2].equals("INSTITUTION_BRANCH") ? "330106" : branch[1];
        // Unique for twenty million learners: the birth day (one of 20,075, in an order scrambled by a factor prime
        // to their number) and the serial follow the learner's index.
        LocalDate born = LocalDate.ofEpochDay(LocalDate.parse("1950-01-01").toEpochDay() + (index * 7919) % 20_075);
        String body = division + born.toString().replace("-", "") + String.format("%03d", (index / 20_075) % 1000);
        String id = body + Iso7064Mod11_2.checkCharacter(body);
        long openedDay = FIRST_DAY + random.nextLong(LAST_DAY - FIRST_DAY - 400);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("fullName", name());
        row.put("idDocumentType", "RESIDENT_ID");
        row.put("idDocumentNumber", id);
        row.put("birthDate", born.toString());
        row.put("phone", "13" + String.format("%09d", random.nextInt(1_000_000_000)));
        row.put("branchCode", branch[0]);
        row.put("openedBy", officerOf(branch[0], 1));
        row.put("openedAt", at(openedDay).toString());
        String fault = bad() ? pick("learner-check-character", "learner-birth-date", "learner-name") : null;
        if (fault != null) {
            switch (fault) {
                case "learner-check-character" -> row.put("idDocumentNumber", body + (id.endsWith("0") ? "1" : "0"));
                case "learner-birth-date" -> row.put("birthDate", born.plusDays(1).toString());
                default -> row.remove("fullName");
            }
            counts.fault(fault);
            counts.badLearners++;
            out.learner(row);
            return;
        }
        out.learner(row);
        counts.learners++;
        counts.events++;
        int achievements = Math.max(1, perLearner - 2 + random.nextInt(5));
        for (int k = 0; k < achievements; k++) {
            achievement(index, k, id, branch[0], openedDay, out, counts);
        }
    }

    private void achievement(long learner, int k, String holder, String branch, long openedDay, Rows out,
                             Counts counts) {
        Kind kind = kind();
        String legacyId = "A" + learner + "-" + k;
        long achievedDay = openedDay + random.nextLong(Math.max(1, LAST_DAY - openedDay));
        Instant recordedAt = at(achievedDay + 1 + random.nextInt(30));
        Instant decidedAt = recordedAt.plusSeconds(86_400L * (1 + random.nextInt(20)));
        Instant revokedAt = decidedAt.plusSeconds(86_400L * (30 + random.nextInt(300)));
        int roll = random.nextInt(100);
        String status = roll < 85 ? "CERTIFIED" : roll < 92 ? "RECORDED" : roll < 96 ? "REJECTED" : "REVOKED";
        BigDecimal credits = BigDecimal.valueOf(kind.min() + random.nextInt(kind.max() - kind.min() + 1));
        String[] university = UNIVERSITIES[random.nextInt(UNIVERSITIES.length)].split(":");
        String body = kind.bodies() == null ? university[1] : kind.bodies()[random.nextInt(kind.bodies().length)];
        Map<String, String> row = new LinkedHashMap<>();
        row.put("legacyId", legacyId);
        row.put("idDocumentType", "RESIDENT_ID");
        row.put("idDocumentNumber", holder);
        row.put("kind", kind.name());
        row.put("title", kind.titles()[random.nextInt(kind.titles().length)]);
        row.put("awardingBody", body);
        row.put("achievedOn", LocalDate.ofEpochDay(achievedDay).toString());
        row.put("evidenceSha256", sha256(legacyId));
        row.put("evidenceMediaType", "application/pdf");
        row.put("credits", credits.toPlainString());
        row.put("creditUnit", kind.unit());
        if (kind.name().equals("ACADEMIC_COURSE") || kind.name().equals("DEGREE_DIPLOMA")) {
            row.put("qualificationLevel", String.valueOf(5 + random.nextInt(3)));
            row.put("resultScheme", "PERCENT");
            row.put("resultValue", String.valueOf(60 + random.nextInt(41)));
        }
        if (kind.name().equals("VOCATIONAL_CERTIFICATE")) {
            row.put("vocationalLevel", String.valueOf(1 + random.nextInt(5)));
            row.put("certificateSerial", "VC-" + legacyId);
        }
        row.put("externalIssuer", kind.bodies() == null ? university[0] : "LEGACY-" + kind.name());
        row.put("externalId", "G-" + legacyId);
        row.put("status", status);
        row.put("branchCode", branch);
        row.put("recordedBy", officerOf(branch, 1));
        row.put("recordedAt", recordedAt.toString());
        if (!status.equals("RECORDED")) {
            row.put("decidedBy", officerOf(branch, 2));
            row.put("decidedAt", decidedAt.toString());
        }
        if (status.equals("REJECTED")) {
            row.put("rejectionReason", "证明材料不全");
        }
        if (status.equals("REVOKED")) {
            row.put("revokedBy", officerOf(branch, 2));
            row.put("revokedAt", revokedAt.toString());
            row.put("revocationReason", "发证机构撤销证书");
        }
        String fault = bad() ? pick("achievement-in-future", "achievement-kind", "achievement-credits",
                "achievement-four-eyes", "achievement-holder", "achievement-malformed") : null;
        if (fault != null) {
            switch (fault) {
                case "achievement-in-future" -> row.put("achievedOn", "2031-01-01");
                case "achievement-kind" -> row.put("kind", "HOBBY");
                case "achievement-credits" -> row.put("credits", "-" + credits.toPlainString());
                case "achievement-four-eyes" -> {
                    row.put("kind", "VOCATIONAL_CERTIFICATE");
                    row.put("vocationalLevel", "3");
                    row.put("status", "CERTIFIED");
                    row.put("decidedBy", officerOf(branch, 1));
                    row.put("decidedAt", decidedAt.toString());
                }
                case "achievement-holder" -> row.put("idDocumentNumber", "110101190001010010");
                default -> {
                }
            }
            counts.fault(fault);
            counts.badAchievements++;
            out.achievement(row, fault.equals("achievement-malformed"));
            return;
        }
        out.achievement(row, false);
        counts.achievements++;
        counts.byStatus.merge(status, 1L, Long::sum);
        counts.events += switch (status) {
            case "RECORDED" -> 1;
            case "REVOKED" -> 3;
            default -> 2;
        };
        if (status.equals("CERTIFIED")) {
            counts.credits.merge(kind.unit(), credits, BigDecimal::add);
        }
    }

    private Kind kind() {
        int roll = random.nextInt(100);
        for (Kind kind : KINDS) {
            roll -= kind.share();
            if (roll < 0) {
                return kind;
            }
        }
        return KINDS[0];
    }

    private boolean bad() {
        return badShare > 0 && random.nextDouble() < badShare;
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String name() {
        StringBuilder name = new StringBuilder(SURNAMES[random.nextInt(SURNAMES.length)]);
        int given = 1 + random.nextInt(2);
        for (int i = 0; i < given; i++) {
            name.append(GIVEN[random.nextInt(GIVEN.length)]);
        }
        return name.toString();
    }

    private Instant at(long epochDay) {
        Instant at = LocalDate.ofEpochDay(epochDay).atTime(8 + random.nextInt(9), random.nextInt(60))
                .toInstant(ZoneOffset.ofHours(8));
        return at.isAfter(END) ? END : at;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final class Counts {
        long branches;
        long officers;
        long learners;
        long badLearners;
        long achievements;
        long badAchievements;
        long events;
        final Map<String, Long> byStatus = new TreeMap<>();
        final Map<String, BigDecimal> credits = new TreeMap<>();
        final Map<String, Long> faults = new TreeMap<>();

        void fault(String fault) {
            faults.merge(fault, 1L, Long::sum);
        }

        Expected expected() {
            return new Expected(branches, officers, learners, badLearners, achievements, badAchievements, byStatus,
                    credits, events + branches + officers, faults);
        }
    }
}
