package fr.asso.europlie.plie.json;

import java.util.Map;

/**
 * The result of reading a JSON document: the value, and the unknown members kept when reading
 * with {@link UnknownFields#KEEP} (JSON path to raw JSON text; empty otherwise).
 *
 * @param <T> the type read
 * @param value the value read, not null
 * @param unknownFields the unknown members kept, by JSON path, copied
 */
public record Document<T>(T value, Map<String, String> unknownFields) {

    /** Copies the map. */
    public Document {
        unknownFields = Map.copyOf(unknownFields);
    }
}
