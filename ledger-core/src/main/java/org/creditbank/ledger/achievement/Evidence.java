package org.creditbank.ledger.achievement;

import org.creditbank.ledger.rule.InvalidField;

import java.util.regex.Pattern;

/** The document behind an achievement: its SHA-256, its media type and, optionally, where it is kept. */
public record Evidence(String sha256, String mediaType, String location) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

    public Evidence {
        sha256 = InvalidField.requireText("evidence.sha256", sha256).toLowerCase();
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new InvalidField("evidence.sha256", "must be 64 hexadecimal digits");
        }
        mediaType = InvalidField.requireText("evidence.mediaType", mediaType, 127).toLowerCase();
        if (!MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new InvalidField("evidence.mediaType", "must be a media type like application/pdf");
        }
        location = InvalidField.optionalText("evidence.location", location, 2048);
    }
}
