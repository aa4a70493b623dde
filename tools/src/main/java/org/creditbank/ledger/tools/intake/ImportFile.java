package org.creditbank.ledger.tools.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One import file read row by row, never whole: CSV (UTF-8, a header naming the columns, an optional byte-order mark)
 * or JSON Lines ({@code .jsonl} or {@code .ndjson}: one object per line). A row is numbered by its place in the file:
 * the record after the header is row 1 of a CSV file; the line is the row of a JSON Lines file. A row the file
 * itself garbles (a CSV record with another number of cells than the header, a line that is no JSON object) is read
 * as {@linkplain Row#malformed malformed}, to be reported like any refused row.
 */
public final class ImportFile implements Closeable {

    /** A row of the file: its number and its cells by column, or why it could not be read. */
    public record Row(long row, Map<String, String> cells, String malformed) {
    }

    private final ImportKind kind;
    private final Path path;
    private final boolean csv;
    private final ObjectMapper json = new ObjectMapper();
    private BufferedReader lines;
    private MappingIterator<List<String>> records;
    private List<String> header;
    private long row;

    private ImportFile(ImportKind kind, Path path) {
        this.kind = kind;
        this.path = path;
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            csv = true;
        } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            csv = false;
        } else {
            throw new IllegalArgumentException(path + ": an import file is .csv or .jsonl (or .ndjson)");
        }
    }

    /** Opens the file and, for CSV, reads and checks its header: every column must be one of the kind's. */
    public static ImportFile open(ImportKind kind, Path path) throws IOException {
        ImportFile file = new ImportFile(kind, path);
        file.start();
        return file;
    }

    private void start() throws IOException {
        Reader reader = new InputStreamReader(withoutByteOrderMark(Files.newInputStream(path)), StandardCharsets.UTF_8);
        if (!csv) {
            lines = new BufferedReader(reader, 1 << 16);
            return;
        }
        records = new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(reader);
        if (!records.hasNextValue()) {
            throw new IllegalArgumentException(path + ": the file is empty; a CSV file starts with its header");
        }
        header = records.nextValue().stream().map(String::strip).toList();
        Set<String> known = new HashSet<>(kind.columns());
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!known.contains(column)) {
                throw new IllegalArgumentException(path + ": unknown column \"" + column + "\" for " + kind.path()
                        + " (columns: " + String.join(", ", kind.columns()) + ")");
            }
            if (!seen.add(column)) {
                throw new IllegalArgumentException(path + ": column \"" + column + "\" appears twice");
            }
        }
    }

    /** The next row, or null at the end of the file. */
    public Row next() throws IOException {
        return csv ? nextRecord() : nextLine();
    }

    private Row nextRecord() throws IOException {
        if (!records.hasNextValue()) {
            return null;
        }
        List<String> cells;
        try {
            cells = records.nextValue();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(path + ": row " + (row + 1) + " is not CSV: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        row++;
        if (cells.size() == 1 && cells.get(0).isBlank() && header.size() > 1) {
            return new Row(row, Map.of(), "is empty");
        }
        if (cells.size() != header.size()) {
            return new Row(row, Map.of(), "has " + cells.size() + " cells where the header has " + header.size());
        }
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = cells.get(i);
            if (cell != null && !cell.isEmpty()) {
                byColumn.put(header.get(i), cell);
            }
        }
        return new Row(row, byColumn, null);
    }

    private Row nextLine() throws IOException {
        String line = lines.readLine();
        if (line == null) {
            return null;
        }
        row++;
        if (line.isBlank()) {
            return new Row(row, Map.of(), "is empty");
        }
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Row(row, Map.of(), "is not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            return new Row(row, Map.of(), "is not a JSON object");
        }
        Map<String, String> byColumn = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        object.fields().forEachRemaining(field -> {
            if (!kind.columns().contains(field.getKey())) {
                unknown.add(field.getKey());
            } else if (!field.getValue().isNull()) {
                JsonNode value = field.getValue();
                byColumn.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        });
        if (!unknown.isEmpty()) {
            return new Row(row, Map.of(), "has unknown fields " + unknown + " for " + kind.path());
        }
        return new Row(row, byColumn, null);
    }

    /** How many rows the file holds, by counting its lines (a CSV record spanning lines counts as more). */
    public static long estimateRows(Path path) throws IOException {
        long newlines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        newlines++;
                    }
                }
            }
        }
        boolean csvHeader = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        return Math.max(0, newlines - (csvHeader ? 1 : 0));
    }

    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] first = new byte[3];
        int n = pushback.readNBytes(first, 0, 3);
        boolean mark = n == 3 && (first[0] & 0xFF) == 0xEF && (first[1] & 0xFF) == 0xBB && (first[2] & 0xFF) == 0xBF;
        if (!mark && n > 0) {
            pushback.unread(first, 0, n);
        }
        return pushback;
    }

    @Override
    public void close() throws IOException {
        if (records != null) {
            records.close();
        }
        if (lines != null) {
            lines.close();
        }
    }
}
