package org.creditbank.ledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * For auditors: asks a running ledger to rebuild its read models from the event store into scratch tables and compare
 * them with the live ones, prints every difference row by row, and exits 1 if there is any.
 */
@Command(name = "replay-check", description = "Check that a replay of the events equals what the live ledger shows.")
class ReplayCheckCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the ledger (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--token", defaultValue = "${env:LEDGER_TOKEN}",
            description = "an auditor's bearer token (default: $LEDGER_TOKEN; see 'ledger token')")
    String token;

    @Option(names = "--read-model", split = ",", paramLabel = "NAME",
            description = "check only these read models (default: all)")
    List<String> readModels;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String query = readModels == null || readModels.isEmpty() ? "" : "?" + readModels.stream()
                .map(name -> "readModel=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        JsonNode report = new ObjectMapper().readTree(new LedgerHttp(url, token, null)
                .get("/api/audit/replay-check" + query));
        PrintWriter out = spec.commandLine().getOut();
        for (JsonNode model : report.get("readModels")) {
            long differences = model.get("differences").asLong();
            out.printf("%s %s: %d events replayed, %d live rows, %d differences%n",
                    differences == 0 ? "EQUAL" : "DIFFERENT", model.get("readModel").asText(),
                    model.get("events").asLong(), model.get("rows").asLong(), differences);
            for (JsonNode difference : model.get("sample")) {
                out.printf("  %s row only in %s: %s%n", difference.get("table").asText(),
                        difference.get("foundIn").asText(), difference.get("row"));
            }
        }
        out.flush();
        if (report.get("equal").asBoolean()) {
            return 0;
        }
        spec.commandLine().getErr().println("ledger: REPLAY DIFFERS FROM LIVE (checked at "
                + report.get("checkedAt").asText() + ")");
        return 1;
    }
}
