package org.creditbank.ledger.tools;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The options that name the development identity provider and its password, for the commands that sign in there. */
public class DevelopmentProvider {

    @Option(names = "--issuer", defaultValue = "http://localhost:8080",
            description = "the identity provider (default: the embedded ledger, ${DEFAULT-VALUE})")
    URI issuer;

    @Option(names = "--password-file", paramLabel = "FILE",
            defaultValue = "ledger-data/identity/development-password",
            description = "the development password (default: ${DEFAULT-VALUE})")
    Path passwordFile;

    /** Signs {@code user} in with the development password and answers their access token. */
    public String signIn(String user) throws IOException {
        return new DevelopmentSignIn(issuer).signIn(user, password());
    }

    /** A system client's access token for the given scopes, separated by spaces. */
    public String clientToken(String clientId, String scopes) throws IOException {
        return new DevelopmentSignIn(issuer).clientToken(clientId, password(), scopes);
    }

    private String password() throws IOException {
        try {
            return Files.readString(passwordFile, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--password-file: " + passwordFile + " does not exist (the embedded"
                    + " ledger writes it into its data folder when it first starts)");
        }
    }
}
