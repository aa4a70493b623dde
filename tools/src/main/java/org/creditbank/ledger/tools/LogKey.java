package org.creditbank.ledger.tools;

import org.creditbank.ledger.log.NoteKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Generates the log's checkpoint signing key; prints the verifier key that learners and auditors trust. */
@Command(name = "log-key", description = "Generate the log's Ed25519 signing key and print its verifier key.")
class LogKey implements Callable<Integer> {

    @Option(names = "--origin", required = true, description = "the log's origin (also the key name)")
    String origin;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "where to write the signing key (never overwritten); keep it secret")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out)) {
            spec.commandLine().getErr().println("ledger: " + out + " already exists; a key is never overwritten");
            return 1;
        }
        NoteKeys.Signer signer;
        try {
            signer = NoteKeys.Signer.generate(origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--origin: " + e.getMessage());
        }
        SecretFiles.write(out, signer.encoded() + "\n");
        spec.commandLine().getOut().println(signer.verifier());
        return 0;
    }
}
