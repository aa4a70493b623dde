package org.creditbank.ledger.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the ledger command-line program as a separate process, as an auditor or a learner would. */
final class LedgerCliProcess {

    record Run(int exit, String out, String err) {
    }

    private LedgerCliProcess() {
    }

    /** The command line that runs the program with {@code args}, on the tests' class path. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.creditbank.ledger.tools.LedgerCli"));
        command.addAll(List.of(args));
        return command;
    }

    static Run ledger(String... args) {
        return ledger(Duration.ofSeconds(120), args);
    }

    /** Runs the program as a process and waits at most {@code within} for it to exit. */
    static Run ledger(Duration within, String... args) {
        List<String> command = command(args);
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ledger " + String.join(" ", args) + " did not exit");
            }
            // On the server's test classpath SLF4J finds the server's logging beside the program's and says so;
            // the shipped program has one provider (the tools module's own process tests check its stderr exactly).
            String errors = new String(err, StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("SLF4J("))
                    .map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
            return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), errors);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
