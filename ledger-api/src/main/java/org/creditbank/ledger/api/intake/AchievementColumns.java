package org.creditbank.ledger.api.intake;

import org.creditbank.ledger.achievement.AchievementDetails;
import org.creditbank.ledger.achievement.CertificateSerial;
import org.creditbank.ledger.api.achievement.AchievementController.CreditsRequest;
import org.creditbank.ledger.api.achievement.AchievementController.EvidenceRequest;
import org.creditbank.ledger.api.achievement.AchievementController.ExternalReferenceRequest;
import org.creditbank.ledger.api.achievement.AchievementController.RecordRequest;
import org.creditbank.ledger.api.achievement.AchievementController.ResultRequest;
import org.creditbank.ledger.api.web.Requests;
import org.creditbank.ledger.learner.AccountRefusals.NoAccountForIdentity;
import org.creditbank.ledger.learner.IdentityDocument;
import org.creditbank.ledger.learner.IdentityHasher;
import org.creditbank.ledger.learner.IdentityRegister;
import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.readmodel.BatchReads;
import org.creditbank.ledger.rule.InvalidField;
import org.creditbank.ledger.rule.RuleViolation;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of an achievement in a file or a roster — flat, as a spreadsheet holds them — and how they become what
 * the API's request makes: the details of the achievement, validated by the same value types, and the account it is
 * on. A refusal names the column, not the API's nested field.
 */
interface AchievementColumns {

    String learnerNumber();

    String idDocumentType();

    String idDocumentNumber();

    String kind();

    String title();

    String awardingBody();

    String assessingBody();

    String achievedOn();

    String evidenceSha256();

    String evidenceMediaType();

    String evidenceLocation();

    String credits();

    String creditUnit();

    String qualificationLevel();

    String vocationalLevel();

    String resultScheme();

    String resultValue();

    String externalIssuer();

    String externalId();

    String certificateSerial();

    /** The columns of the fields the API's nested request names (evidence, credits, result, reference). */
    Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("evidence", "evidenceSha256"), Map.entry("evidence.sha256", "evidenceSha256"),
            Map.entry("evidence.mediaType", "evidenceMediaType"), Map.entry("evidence.location", "evidenceLocation"),
            Map.entry("credits", "credits"), Map.entry("credits.amount", "credits"),
            Map.entry("credits.unit", "creditUnit"), Map.entry("result.scheme", "resultScheme"),
            Map.entry("result.value", "resultValue"), Map.entry("externalReference", "externalId"),
            Map.entry("externalReference.issuer", "externalIssuer"),
            Map.entry("externalReference.id", "externalId"));

    /** The achievement's details, as recording it over the API would make them. */
    default AchievementDetails details() {
        try {
            return new RecordRequest(kind(), title(), awardingBody(), assessingBody(), achievedOn(),
                    allBlank(evidenceSha256(), evidenceMediaType(), evidenceLocation()) ? null
                            : new EvidenceRequest(evidenceSha256(), evidenceMediaType(), evidenceLocation()),
                    allBlank(credits(), creditUnit()) ? null
                            : new CreditsRequest(Requests.decimal("credits", credits()), creditUnit()),
                    Requests.integer("qualificationLevel", qualificationLevel()),
                    Requests.integer("vocationalLevel", vocationalLevel()),
                    allBlank(resultScheme(), resultValue()) ? null : new ResultRequest(resultScheme(), resultValue()),
                    allBlank(externalIssuer(), externalId()) ? null
                            : new ExternalReferenceRequest(externalIssuer(), externalId()),
                    allBlank(certificateSerial()) ? null : certificateSerial()).toDetails();
        } catch (RuleViolation refused) {
            throw InColumn.of(refused, COLUMNS.get(refused.field()));
        }
    }

    /**
     * The account the achievement is on: by learner number, or the account of the person the identity document
     * names (looked up once a batch).
     */
    default LearnerNumber learner(IdentityHasher hasher, IdentityRegister identities) {
        if (!allBlank(learnerNumber())) {
            return LearnerNumber.parse(learnerNumber());
        }
        if (allBlank(idDocumentNumber())) {
            throw new InvalidField("learnerNumber", "is required, or the holder's idDocumentType and"
                    + " idDocumentNumber");
        }
        String type = InvalidField.requireText("idDocumentType", idDocumentType(), 64);
        Optional<String> holder = BatchReads.once(() -> identities.accountForAny(
                hasher.hashesOf(type, idDocumentNumber()).toList()), "holder",
                IdentityDocument.type(type), IdentityDocument.number(idDocumentNumber()));
        return holder.map(LearnerNumber::parse).orElseThrow(NoAccountForIdentity::new);
    }

    /** One certificate's rows never share a round: its holder is registered only once a round commits. */
    default Set<String> certificateKey() {
        return allBlank(certificateSerial()) || allBlank(externalIssuer()) ? Set.of()
                : Set.of("certificate:" + CertificateSerial.key(externalIssuer(), certificateSerial()));
    }

    static boolean allBlank(String... values) {
        return Arrays.stream(values).allMatch(value -> value == null || value.isBlank());
    }
}
