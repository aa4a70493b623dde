package org.creditbank.ledger.tools;

import org.bouncycastle.crypto.CryptoServicesRegistrar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;

/** Generates the secret key of the keyed identity hash (LEDGER_IDENTITY_KEY / LEDGER_IDENTITY_KEY_FILE). */
@Command(name = "identity-key", description = "Generate a key for the keyed identity hash (base64, 32 bytes).")
class IdentityKey implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE",
            description = "write the key to FILE (never overwritten) instead of standard output")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        byte[] key = new byte[32];
        CryptoServicesRegistrar.getSecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        if (out == null) {
            spec.commandLine().getOut().println(encoded);
            return 0;
        }
        if (Files.exists(out)) {
            spec.commandLine().getErr().println("ledger: " + out + " already exists; a key is never overwritten");
            return 1;
        }
        SecretFiles.write(out, encoded + "\n");
        spec.commandLine().getOut().println("wrote a new identity key to " + out);
        return 0;
    }
}
