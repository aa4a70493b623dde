package org.creditbank.ledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditbank.ledger.learner.Iso7064Mod11_2;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps of the README walkthrough and the data the integration tests share, in the API's own terms. */
public final class Scenario {

    public static final String CENTRE = "ZJ-CENTRE";
    public static final String HANGZHOU = "HZ-BRANCH";
    public static final String NINGBO = "NB-BRANCH";
    public static final String XIHU = "XH-SUBCENTRE";

    public static final String[] ERIN = {Http.AS, "erin", "Ledger-Branch", CENTRE};
    public static final String[] ALICE = {Http.AS, "alice", "Ledger-Branch", HANGZHOU};
    public static final String[] BOB = {Http.AS, "bob", "Ledger-Branch", HANGZHOU};
    public static final String[] CAROL = {Http.AS, "carol", "Ledger-Branch", NINGBO};
    public static final String[] DAVE = {Http.AS, "dave", "Ledger-Branch", XIHU};
    /** Nobody signed in. */
    public static final String[] ANONYMOUS = {Http.AS, Http.ANONYMOUS};

    /** Every role an appointment can grant: what the test network's officers hold. */
    public static final List<String> ALL_ROLES = List.of("OFFICER", "CERTIFIER", "ADMINISTRATOR");

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public static final String EVIDENCE_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private Scenario() {
    }

    /** The README's network: the centre and one city with two officers. */
    public static void installCentreAndCity(Http http) {
        created(http.post("/api/branches", Map.of("code", CENTRE, "name", "Zhejiang Credit Bank",
                "tier", "PROVINCIAL_CENTRE", "divisionCode", "330000")));
        created(http.post("/api/branches/" + CENTRE + "/officers", officer("erin", "Erin Zhao")));
        created(http.post("/api/branches", Map.of("code", HANGZHOU, "name", "Hangzhou Branch",
                "tier", "MUNICIPAL_BRANCH", "parentCode", CENTRE, "divisionCode", "330100"), ERIN));
        created(http.post("/api/branches/" + HANGZHOU + "/officers", officer("alice", "Alice Wang"),
                ERIN));
        created(http.post("/api/branches/" + HANGZHOU + "/officers", officer("bob", "Bob Chen"),
                ERIN));
    }

    /** The standard test network: the README's, a second city and a county sub-centre. */
    public static void installNetwork(Http http) {
        installCentreAndCity(http);
        created(http.post("/api/branches", Map.of("code", NINGBO, "name", "Ningbo Branch",
                "tier", "MUNICIPAL_BRANCH", "parentCode", CENTRE, "divisionCode", "330200"), ERIN));
        created(http.post("/api/branches/" + NINGBO + "/officers", officer("carol", "Carol Xu"),
                ERIN));
        created(http.post("/api/branches", Map.of("code", XIHU, "name", "Xihu Sub-centre",
                "tier", "COUNTY_SUB_CENTRE", "parentCode", HANGZHOU, "divisionCode", "330106"), ALICE));
        created(http.post("/api/branches/" + XIHU + "/officers", officer("dave", "Dave Sun"),
                ALICE));
    }

    /**
     * Three acceptance points under the Xihu sub-centre for status changes, registered by Alice: {@code prefix-SUSPEND}
     * and {@code prefix-CLOSE} active, {@code prefix-REINSTATE} suspended.
     */
    public static void branchesForStatusChanges(Http http, String prefix) {
        for (String branch : List.of("SUSPEND", "REINSTATE", "CLOSE")) {
            created(http.post("/api/branches", Map.of("code", prefix + "-" + branch, "name", "Branch " + branch,
                    "tier", "ACCEPTANCE_POINT", "parentCode", XIHU, "divisionCode", "330106"), ALICE));
        }
        Http.Reply suspended = http.post("/api/branches/" + prefix + "-REINSTATE/suspension",
                Map.of("reason", "set-up"), ALICE);
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
    }

    /** Appoints a certifier (the CERTIFIER role only) to Hangzhou, signing in as the user of that name. */
    public static void appointCertifier(Http http, String officerId, String name) {
        created(http.post("/api/branches/" + HANGZHOU + "/officers", Map.of("officerId", officerId, "name", name,
                "subject", officerId, "roles", List.of("CERTIFIER")), ERIN));
    }

    /** An appointment of the test network: every role, signing in as the identity provider's user of that name. */
    public static Map<String, Object> officer(String officerId, String name) {
        return Map.of("officerId", officerId, "name", name, "subject", officerId, "roles", ALL_ROLES);
    }

    /** A person nobody has opened an account for yet, born on 17 May 1990, with a well-formed resident ID. */
    public static Map<String, Object> newPerson(String name) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", name);
        person.put("idDocumentType", "RESIDENT_ID");
        person.put("idDocumentNumber", residentId("19900517"));
        person.put("birthDate", "1990-05-17");
        person.put("contact", Map.of("email", "learner@example.org"));
        return person;
    }

    /**
     * A resident ID number nobody holds yet: six random digits where the division code stands, the birth date
     * ({@code YYYYMMDD}), three random digits and the check character.
     */
    public static String residentId(String birthDate) {
        String body = String.format("%06d", RANDOM.nextInt(1_000_000)) + birthDate
                + String.format("%03d", RANDOM.nextInt(1_000));
        return body + Iso7064Mod11_2.checkCharacter(body);
    }

    /** Opens an account and answers its learner number. */
    public static String openAccount(Http http, String[] actor, String name) {
        Http.Reply reply = created(http.post("/api/learners", newPerson(name), actor));
        return reply.json().get("learnerNumber").asText();
    }

    /** An academic course to record. */
    public static Map<String, Object> course(String externalId, String credits) {
        Map<String, Object> course = new HashMap<>();
        course.put("kind", "ACADEMIC_COURSE");
        course.put("title", "Linear Algebra");
        course.put("awardingBody", "Zhejiang University");
        course.put("achievedOn", "2025-06-30");
        course.put("evidence", Map.of("sha256", EVIDENCE_SHA256, "mediaType", "application/pdf"));
        course.put("credits", Map.of("amount", new BigDecimal(credits), "unit", "BANK_CREDIT"));
        course.put("qualificationLevel", 6);
        course.put("result", Map.of("scheme", "PERCENT", "value", "91"));
        course.put("externalReference", Map.of("issuer", "ZJU", "id", externalId));
        return course;
    }

    /** A vocational certificate to record. */
    public static Map<String, Object> certificate(String externalId, String serial) {
        Map<String, Object> certificate = course(externalId, "12");
        certificate.put("kind", "VOCATIONAL_CERTIFICATE");
        certificate.put("title", "Electrician");
        certificate.put("awardingBody", "MOHRSS");
        certificate.put("vocationalLevel", 3);
        certificate.put("certificateSerial", serial);
        certificate.put("externalReference", Map.of("issuer", "MOHRSS", "id", externalId));
        return certificate;
    }

    /** Records an achievement and answers its id. */
    public static String record(Http http, String[] actor, String learner, Map<String, Object> achievement) {
        Http.Reply reply = created(http.post("/api/learners/" + learner + "/achievements", achievement, actor));
        return reply.json().get("achievementId").asText();
    }

    /** The README walkthrough: answers the learner number of the account it opened. */
    public static String walkthrough(Http http) {
        installCentreAndCity(http);
        String learner = openAccount(http, ALICE, "Anna Li");
        String achievement = record(http, ALICE, learner, course("LA-2025-001", "3.5"));
        Http.Reply certified = http.post("/api/learners/" + learner + "/achievements/" + achievement
                + "/certification", "", BOB);
        assertThat(certified.status()).as(certified.toString()).isEqualTo(200);
        assertThat(certified.json().get("status").asText()).isEqualTo("CERTIFIED");
        return learner;
    }

    /** The names of the ledger's read models, as the engine declares them. */
    public static List<String> readModels(Http http) {
        List<String> names = new ArrayList<>();
        http.get("/api/admin/read-models").json().forEach(model -> names.add(model.get("readModel").asText()));
        assertThat(names).as("the ledger's read models").isNotEmpty();
        return names;
    }

    /** Rebuilds a read model over HTTP and waits until its rebuilt slot serves (the rebuild must not fail). */
    public static void rebuild(Http http, String readModel) {
        Http.Reply started = http.post("/api/admin/read-models/" + readModel + "/rebuild", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode status = Await.until(readModel + " to be rebuilt", Duration.ofSeconds(120),
                () -> http.get("/api/admin/read-models/" + readModel).json(),
                st -> st.get("rebuild").get("state").asText().matches("SWITCHED|FAILED"));
        assertThat(status.get("rebuild").get("state").asText()).as(status.toString()).isEqualTo("SWITCHED");
    }

    static Http.Reply created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply;
    }
}
