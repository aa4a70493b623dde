package org.creditbank.ledger.api;

import org.creditbank.ledger.api.privacy.JdbcPersonalDataVault;
import org.creditbank.ledger.learner.ContactDetails;
import org.creditbank.ledger.learner.PersonalData;
import org.creditbank.ledger.learner.PersonalDataVault;
import org.creditbank.ledger.learner.Sealed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditbank.ledger.api.Scenario.ALICE;
import static org.creditbank.ledger.api.Scenario.BOB;

/** Personal data never reaches the event store in clear, and erasing a learner's key erases it everywhere. */
class PersonalDataTest {

    private final RunningLedger ledger = SharedLedger.get();
    private final Http http = ledger.http();
    private final JdbcPersonalDataVault vault = ledger.bean(JdbcPersonalDataVault.class);

    @Test
    void no_event_holds_a_name_an_identity_number_or_contact_details_in_clear() {
        Map<String, Object> person = new java.util.LinkedHashMap<>(Scenario.newPerson("Zhuang Qingxue"));
        String idNumber = (String) person.get("idDocumentNumber");
        person.put("contact", Map.of("email", "zqx.private@example.org", "phone", "+86 571 8888 7777"));
        String learner = http.post("/api/learners", person, ALICE).json().get("learnerNumber").asText();
        http.put("/api/learners/" + learner + "/contact", Map.of("address", "7 Quiet Lane, Hangzhou"), BOB);

        List<byte[]> payloads = ledger.jdbc().queryForList("SELECT payload FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?", byte[].class, learner);
        assertThat(payloads).hasSize(2);
        for (byte[] payload : payloads) {
            String stored = new String(payload, StandardCharsets.UTF_8);
            assertThat(stored).doesNotContain("Zhuang", "Qingxue", idNumber, "19900517", "1990-05-17",
                    "zqx.private", "8888 7777", "Quiet Lane").contains("AES-256-GCM");
        }
        var account = http.get("/api/learners/" + learner).json();
        assertThat(account.get("fullName").asText()).isEqualTo("Zhuang Qingxue");
        assertThat(account.get("contact").get("address").asText()).isEqualTo("7 Quiet Lane, Hangzhou");
    }

    @Test
    void sealed_data_opens_only_for_its_own_learner_and_kind() {
        String anna = Scenario.openAccount(http, ALICE, "Anna Seal");
        String boris = Scenario.openAccount(http, ALICE, "Boris Seal");
        PersonalData person = new PersonalData("Anna Seal", "PASSPORT", "E1234567", "1990-01-02",
                new ContactDetails("+86 1", null, null));
        Sealed sealed = vault.sealPerson(anna, person);

        assertThat(vault.openPerson(anna, sealed)).contains(person);
        assertThat(vault.sealPerson(anna, person)).as("a fresh nonce every time").isNotEqualTo(sealed);
        Sealed moved = new Sealed(boris, sealed.algorithm(), sealed.nonce(), sealed.ciphertext());
        assertThatThrownBy(() -> vault.openPerson(boris, moved)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> vault.openContact(anna, sealed)).isInstanceOf(IllegalStateException.class);
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed.ciphertext());
        bytes[3] ^= 1;
        Sealed tampered = new Sealed(anna, sealed.algorithm(), sealed.nonce(),
                java.util.Base64.getEncoder().encodeToString(bytes));
        assertThatThrownBy(() -> vault.openPerson(anna, tampered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void keys_looked_up_together_open_what_each_key_opens_alone() {
        String kept = Scenario.openAccount(http, ALICE, "Kept Together");
        String erased = Scenario.openAccount(http, ALICE, "Erased Together");
        String other = Scenario.openAccount(http, ALICE, "Asked Alone");
        ContactDetails contact = new ContactDetails(null, "together@example.org", null);
        Sealed keptContact = vault.sealContact(kept, contact);
        Sealed erasedContact = vault.sealContact(erased, contact);
        Sealed otherContact = vault.sealContact(other, contact);
        assertThat(vault.erase(erased)).isTrue();

        PersonalDataVault.Opener opener = vault.opener(List.of(kept, erased, "330100000000000011"));
        assertThat(opener.openContact(kept, keptContact)).contains(contact);
        assertThat(opener.openContact(erased, erasedContact)).isEmpty();
        assertThat(opener.openContact(other, otherContact)).as("a learner not asked for is looked up alone")
                .contains(contact);
        assertThatThrownBy(() -> opener.openPerson(kept, keptContact)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void erasing_a_learners_key_makes_their_sealed_data_unreadable() {
        String learner = Scenario.openAccount(http, ALICE, "Forget Me");
        Sealed sealed = vault.sealContact(learner, new ContactDetails(null, "forget@example.org", null));
        assertThat(vault.openContact(learner, sealed)).isPresent();

        assertThat(vault.erase(learner)).isTrue();
        assertThat(vault.openContact(learner, sealed)).isEmpty();
        assertThat(vault.erase(learner)).isFalse();
        assertThat(ledger.jdbc().queryForObject("SELECT COUNT(*) FROM learner_key WHERE learner_number = ?"
                + " AND wrapped_key IS NULL AND erased_at IS NOT NULL", Integer.class, learner)).isEqualTo(1);
    }
}
