package org.creditbank.ledger.tools;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * Prints an access token from the development identity provider: for a person (sign-in with the development
 * password) or, with {@code --client}, for a system client. For the walkthrough and for development; production
 * tokens come from the province's identity provider.
 */
@Command(name = "token", description = "Print an access token from the ledger's development identity provider.")
class Token implements Callable<Integer> {

    @Parameters(paramLabel = "USER", arity = "0..1", description = "the user name to sign in as")
    String user;

    @Option(names = "--client", paramLabel = "ID", description = "a system client's id: client credentials instead")
    String client;

    @Option(names = "--scope", defaultValue = "ledger.read ledger.write",
            description = "the scopes a system client asks for (default: ${DEFAULT-VALUE})")
    String scope;

    @Mixin
    DevelopmentProvider provider;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((user == null) == (client == null)) {
            spec.commandLine().getErr().println("ledger: name a USER or a --client, one of the two");
            return 2;
        }
        spec.commandLine().getOut().println(client != null ? provider.clientToken(client, scope)
                : provider.signIn(user));
        return 0;
    }
}
