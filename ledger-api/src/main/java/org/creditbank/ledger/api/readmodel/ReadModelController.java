package org.creditbank.ledger.api.readmodel;

import org.creditbank.ledger.readmodel.ReadModelRefusals;
import org.creditbank.ledger.readmodel.ReadModels;
import org.creditbank.ledger.readmodel.ReplayCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** For operators: the rebuildable read models, their live slots, and rebuilds with their progress. */
@RestController
@Tag(name = "Read models", description = "Rebuild any read model from the event store while the live one serves")
public class ReadModelController {

    private static final String PATH = "/api/admin/read-models";

    private final ReadModels readModels;
    private final ReplayCheck replayCheck;

    public ReadModelController(ReadModels readModels, ReplayCheck replayCheck) {
        this.readModels = readModels;
        this.replayCheck = replayCheck;
    }

    @GetMapping("/api/audit/replay-check")
    @Operation(summary = "Replay equals live: rebuild read models from the events into scratch tables and compare"
            + " them row by row with the live ones (all read models, or those named by readModel)")
    public ReplayCheck.Report replayCheck(@RequestParam(required = false) List<String> readModel) {
        return readModel == null || readModel.isEmpty() ? replayCheck.check() : replayCheck.check(readModel);
    }

    @GetMapping(PATH)
    @Operation(summary = "Every read model: its live slot and its latest rebuild")
    public List<ReadModels.Status> readModels() {
        return readModels.statuses();
    }

    @GetMapping(PATH + "/{name}")
    @Operation(summary = "One read model: its live slot and its latest rebuild's progress")
    public ReadModels.Status readModel(@PathVariable String name) {
        return readModels.status(name);
    }

    @PostMapping(PATH + "/rebuild")
    @Operation(summary = "Rebuild several read models (all, or those named by readModel) from one scan of the event"
            + " store, each into its idle slot, then switch each (202; follow Location)")
    public ResponseEntity<List<ReadModels.Progress>> rebuildAll(@RequestParam(required = false) List<String> readModel) {
        List<String> names = readModel == null || readModel.isEmpty() ? readModels.names() : readModel;
        names.stream().filter(name -> !readModels.exists(name)).findFirst().ifPresent(name -> {
            throw new ReadModelRefusals.UnknownReadModel("readModel", name);
        });
        List<ReadModels.Progress> progress = readModels.rebuild(names);
        return ResponseEntity.accepted().location(URI.create(PATH)).body(progress);
    }

    @PostMapping(PATH + "/{name}/rebuild")
    @Operation(summary = "Rebuild the read model into its idle slot, then switch to it (202; follow Location)")
    public ResponseEntity<ReadModels.Progress> rebuild(@PathVariable String name) {
        ReadModels.Progress progress = readModels.rebuild(name);
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + name)).body(progress);
    }
}
