package org.creditbank.ledger.log;

import org.creditbank.ledger.log.SignedNote.NoteRejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** C2SP signed notes against the reference implementation's published vector (golang.org/x/mod/sumdb/note). */
class SignedNoteTest {

    static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String NOTE = TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void the_key_id_and_key_strings_match_the_specification() {
        NoteKeys.Signer signer = NoteKeys.Signer.parse(SKEY);
        assertThat(NoteKeys.hex(signer.keyId())).isEqualTo("c74f20a3");
        assertThat(signer.encoded()).isEqualTo(SKEY);
        assertThat(signer.verifier().toString()).isEqualTo(VKEY);
        NoteKeys.Verifier verifier = NoteKeys.Verifier.parse(VKEY);
        assertThat(verifier.name()).isEqualTo("PeterNeumann");
        assertThat(NoteKeys.keyId("PeterNeumann", verifier.publicKey())).isEqualTo(signer.keyId());
        assertThat(signer.toString()).doesNotContain("AYEKFALVFGyNhPJEMzD1QIDr");
    }

    @Test
    void signing_reproduces_the_published_note_byte_for_byte() {
        assertThat(SignedNote.sign(TEXT, NoteKeys.Signer.parse(SKEY))).isEqualTo(NOTE);
    }

    @Test
    void the_published_note_opens_with_the_verifier_key() {
        assertThat(SignedNote.open(NOTE, NoteKeys.Verifier.parse(VKEY))).isEqualTo(TEXT);
    }

    @Test
    void any_changed_character_of_the_note_makes_it_fail() {
        NoteKeys.Verifier verifier = NoteKeys.Verifier.parse(VKEY);
        for (int i = 0; i < NOTE.length(); i++) {
            char[] chars = NOTE.toCharArray();
            chars[i]++;
            String changed = new String(chars);
            assertThatThrownBy(() -> SignedNote.open(changed, verifier)).as("character %d changed", i)
                    .isInstanceOfAny(NoteRejected.class, IllegalArgumentException.class);
        }
    }

    @Test
    void a_mangled_verifier_key_is_refused() {
        for (int i = 0; i < VKEY.length(); i++) {
            char[] chars = VKEY.toCharArray();
            chars[i]++;
            String mangled = new String(chars);
            assertThatThrownBy(() -> NoteKeys.Verifier.parse(mangled)).as("key character %d changed", i)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> NoteKeys.Verifier.parse(VKEY.substring(0, VKEY.length() - 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signatures_of_unknown_keys_are_ignored_and_a_note_without_a_known_signature_is_rejected() {
        NoteKeys.Signer other = NoteKeys.Signer.generate("witness.example");
        String twice = NOTE + SignedNote.sign(TEXT, other).substring(TEXT.length() + 1);
        assertThat(SignedNote.open(twice, NoteKeys.Verifier.parse(VKEY))).isEqualTo(TEXT);
        assertThat(SignedNote.open(twice, other.verifier())).isEqualTo(TEXT);
        NoteKeys.Signer stranger = NoteKeys.Signer.generate("PeterNeumann");
        assertThatThrownBy(() -> SignedNote.open(NOTE, stranger.verifier()))
                .isInstanceOf(NoteRejected.class).hasMessageContaining("carries no signature");
    }

    @Test
    void key_names_hold_no_space_of_any_kind_nor_plus() {
        for (String bad : new String[]{"a b", "a\u00a0b", "a\u2003b", "a\u0085b", "a+b", ""}) {
            assertThatThrownBy(() -> NoteKeys.Signer.generate(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_generated_key_round_trips_through_its_strings() {
        NoteKeys.Signer signer = NoteKeys.Signer.generate("ledger.example/log");
        NoteKeys.Signer again = NoteKeys.Signer.parse(signer.encoded());
        assertThat(again.verifier().toString()).isEqualTo(signer.verifier().toString());
        String note = SignedNote.sign("hello\n", again);
        assertThat(SignedNote.open(note, NoteKeys.Verifier.parse(signer.verifier().toString()))).isEqualTo("hello\n");
    }
}
