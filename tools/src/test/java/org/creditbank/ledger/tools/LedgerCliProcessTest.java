package org.creditbank.ledger.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line program run as a separate process, as an operator runs it. */
class LedgerCliProcessTest {

    record Run(int exit, String out, String err) {
    }

    @Test
    void a_valid_learner_number_is_confirmed() throws Exception {
        Run run = ledger("check-number", "11010519491231002X");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("11010519491231002X: valid, opened in division 110105\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void a_mistyped_learner_number_is_one_line_on_stderr_and_exit_1() throws Exception {
        Run run = ledger("check-number", "110105194912310021");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(
                "ledger: 110105194912310021: check character of 110105194912310021 should be X: the number is mistyped\n");
    }

    @Test
    void a_bad_command_line_is_one_line_on_stderr_and_exit_2() throws Exception {
        Run run = ledger("check-number");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("ledger: Missing required parameter");
    }

    @Test
    void an_identity_key_is_generated_and_never_overwritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("identity.key");
        Run first = ledger("identity-key", "--out", file.toString());
        assertThat(first.exit()).isZero();
        byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        assertThat(key).hasSize(32);
        Run again = ledger("identity-key", "--out", file.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("ledger: " + file + " already exists; a key is never overwritten\n");
        assertThat(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip()))
                .isEqualTo(key);
    }

    @Test
    void key_files_are_readable_by_their_owner_only(@TempDir Path dir) throws Exception {
        Path identity = dir.resolve("identity.key");
        Path log = dir.resolve("log.key");
        assertThat(ledger("identity-key", "--out", identity.toString()).exit()).isZero();
        assertThat(ledger("log-key", "--origin", "ledger.example/log", "--out", log.toString()).exit()).isZero();
        for (Path key : List.of(identity, log)) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .as("permissions of %s", key).isEqualTo("rw-------");
        }
    }

    @Test
    void help_works_on_every_command_even_those_with_required_options() throws Exception {
        picocli.CommandLine cli = new picocli.CommandLine(new LedgerCli());
        assertThat(cli.getSubcommands()).containsKeys("verify-log", "replay-check", "log-key", "bench-conversion");
        for (String command : cli.getSubcommands().keySet()) {
            Run run = ledger(command, "--help");
            assertThat(run.exit()).as("ledger %s --help: %s", command, run.err()).isZero();
            assertThat(run.out()).as("ledger %s --help", command).startsWith("Usage: ledger " + command);
        }
    }

    @Test
    void two_generated_keys_differ() throws Exception {
        assertThat(ledger("identity-key").out()).isNotEqualTo(ledger("identity-key").out());
    }

    static Run ledger(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LedgerCli.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ledger " + String.join(" ", args) + " did not exit");
        }
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
