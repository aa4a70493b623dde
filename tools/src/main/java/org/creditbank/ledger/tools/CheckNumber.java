package org.creditbank.ledger.tools;

import org.creditbank.ledger.learner.LearnerNumber;
import org.creditbank.ledger.rule.InvalidField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

/** Checks learner numbers offline: length, form and the ISO 7064 MOD 11-2 check character. */
@Command(name = "check-number", description = "Check learner numbers (ISO 7064 MOD 11-2) without any network.")
class CheckNumber implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "NUMBER", description = "learner numbers to check")
    List<String> numbers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int bad = 0;
        for (String typed : numbers) {
            try {
                LearnerNumber number = LearnerNumber.parse(typed);
                spec.commandLine().getOut().println(number.value() + ": valid, opened in division "
                        + number.division().value());
            } catch (InvalidField e) {
                spec.commandLine().getErr().println("ledger: " + typed + ": " + e.reason());
                bad++;
            }
        }
        return bad == 0 ? 0 : 1;
    }
}
