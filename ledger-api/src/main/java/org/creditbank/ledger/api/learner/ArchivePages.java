package org.creditbank.ledger.api.learner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.creditbank.ledger.readmodel.ReadModelSlots;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.function.Supplier;

/**
 * Archive pages already answered, as the JSON that was sent, kept while the learner's account has not changed.
 *
 * <p>Everything an archive page shows comes from the events of the learner's own account stream (a merge appends to
 * both accounts' streams), so the stream's last sequence number is the page's version: one index look-up in the event
 * store tells whether a kept page is still the answer. The version is read before the page is built, so a page can
 * only ever be newer than the version it is kept under, never older. The live slot's generation (the slot and when it
 * was switched to) is part of the key and the ETag, so a rebuild's switch starts afresh. The version also makes the page's ETag.
 *
 * <p>Memory is bounded by the total size of the kept JSON; the least recently used pages go first.
 */
public class ArchivePages {

    private final JdbcTemplate jdbc;
    private final Supplier<String> generation;
    private final ObjectMapper json;
    private final Cache<Key, Page> pages;

    /** @param megabytes memory for kept pages; 0 keeps none */
    /** @param generation which filling of the archive read model is live ({@link ReadModelSlots#generation}) */
    public ArchivePages(JdbcTemplate jdbc, Supplier<String> generation, ObjectMapper json, int megabytes) {
        this.jdbc = jdbc;
        this.generation = generation;
        this.json = json;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(megabytes * 1024L * 1024L)
                .weigher((Key key, Page page) -> page.json.length + 256)
                .build();
    }

    /** A page as sent: its JSON and its ETag. */
    public record Page(byte[] json, String etag) {
    }

    private record Key(String generation, String learnerNumber, List<Object> query) {
    }

    /**
     * The page of {@code learnerNumber}'s archive that {@code query} (its filter and paging) selects: the kept one if
     * the account has not changed since, otherwise {@code answer}'s, which is then kept.
     */
    public Page page(String learnerNumber, List<Object> query, Supplier<Object> answer) {
        Long version = jdbc.queryForObject("SELECT MAX(sequence_number) FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?", Long.class, learnerNumber);
        String live = generation.get();
        String etag = "\"" + live + "-" + version + "\"";
        Key key = new Key(live, learnerNumber, query);
        Page kept = pages.getIfPresent(key);
        if (kept != null && kept.etag.equals(etag)) {
            return kept;
        }
        Page page = new Page(write(answer.get()), etag);
        if (version != null) {
            pages.put(key, page);
        }
        return page;
    }

    /** The JSON of an answer, as the HTTP layer writes it. */
    public byte[] write(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an archive page could not be written as JSON", e);
        }
    }
}
