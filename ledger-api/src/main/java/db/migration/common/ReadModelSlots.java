package db.migration.common;

import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Creates a read model's tables once per slot from one template under {@code db/read-models}: {@code ${slot}} is
 * replaced by {@code ''} for slot A and {@code '_b'} for slot B, so both slots always have the same definition.
 */
final class ReadModelSlots {

    private ReadModelSlots() {
    }

    static void create(Context context, String template) throws IOException, SQLException {
        create(context, template, "", "_b");
    }

    /** Creates the given slots only ({@code ""}: slot A, {@code "_b"}: slot B). */
    static void create(Context context, String template, String... suffixes) throws IOException, SQLException {
        String sql;
        try (InputStream in = new ClassPathResource("db/read-models/" + template).getInputStream()) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String suffix : suffixes) {
            ScriptUtils.executeSqlScript(context.getConnection(),
                    new ByteArrayResource(sql.replace("${slot}", suffix).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
