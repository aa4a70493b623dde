package org.creditbank.ledger.tools;

import org.creditbank.ledger.tools.bench.ArchiveBenchmark;
import org.creditbank.ledger.tools.bench.BenchCommand;
import org.creditbank.ledger.tools.bench.AuthBenchmark;
import org.creditbank.ledger.tools.bench.CheckpointLagBenchmark;
import org.creditbank.ledger.tools.bench.CommandBenchmark;
import org.creditbank.ledger.tools.bench.ConversionBenchmark;
import org.creditbank.ledger.tools.bench.IntakeBenchmark;
import org.creditbank.ledger.tools.bench.LogBenchmark;
import org.creditbank.ledger.tools.bench.ReadModelBenchmark;
import org.creditbank.ledger.tools.bench.StoredProofBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The ledger's command-line program. Every refusal is one line on stderr and a non-zero exit: 1 when the thing
 * checked is bad, 2 when the command line itself is.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "ledger 0.1.0",
        description = "The lifelong learning ledger's command-line tools.",
        subcommands = {ImportCommand.class, GenerateCommand.class, CheckNumber.class, IdentityKey.class, LogKey.class, VerifyArchive.class, VerifyLog.class,
                LogBenchmark.class, StoredProofBenchmark.class, ArchiveBenchmark.class,
                CheckpointLagBenchmark.class, ReplayCheckCommand.class, ReadModelBenchmark.class,
                CommandBenchmark.class, ConversionBenchmark.class, AuthBenchmark.class, IntakeBenchmark.class,
                BenchCommand.class, Token.class})
public class LedgerCli {

    public static void main(String[] args) {
        // Exit explicitly: no stray non-daemon thread may keep the program alive.
        System.exit(run(args));
    }

    /** Runs the program and answers its exit code. */
    static int run(String... args) {
        CommandLine cli = new CommandLine(new LedgerCli());
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("ledger: " + e.getMessage()
                    + " (see 'ledger " + e.getCommandLine().getCommandName() + " --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("ledger: " + oneLine(e));
            return 1;
        });
        return cli.execute(args);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
