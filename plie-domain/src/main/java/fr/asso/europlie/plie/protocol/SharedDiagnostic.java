package fr.asso.europlie.plie.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The shared PTI-PLIE diagnostic (diagnostic partagé PTI-PLIE), drawn up by the animation team
 * with the Département's staff before programming: a text for each of its six
 * {@link DiagnosticItem items}.
 *
 * @param items the text of each item filled so far, copied, blank texts dropped
 */
public record SharedDiagnostic(Map<DiagnosticItem, String> items) {

    /** A diagnostic with no item filled. */
    public static final SharedDiagnostic EMPTY = new SharedDiagnostic(Map.of());

    /**
     * Copies the items, dropping blank texts.
     */
    public SharedDiagnostic {
        EnumMap<DiagnosticItem, String> copy = new EnumMap<>(DiagnosticItem.class);
        if (items != null) {
            items.forEach((item, text) -> {
                if (item != null && text != null && !text.isBlank()) {
                    copy.put(item, text.strip());
                }
            });
        }
        items = Collections.unmodifiableMap(copy);
    }

    /**
     * The same diagnostic with one item written.
     *
     * @param item the item
     * @param text its text
     * @return the new diagnostic
     */
    public SharedDiagnostic with(DiagnosticItem item, String text) {
        EnumMap<DiagnosticItem, String> copy = new EnumMap<>(DiagnosticItem.class);
        copy.putAll(items);
        copy.put(item, text);
        return new SharedDiagnostic(copy);
    }

    /**
     * The items not yet filled.
     *
     * @return the missing items in their order
     */
    public List<DiagnosticItem> missing() {
        List<DiagnosticItem> result = new ArrayList<>();
        for (DiagnosticItem item : DiagnosticItem.values()) {
            if (!items.containsKey(item)) {
                result.add(item);
            }
        }
        return result;
    }

    /**
     * Whether all six items are filled.
     *
     * @return true when complete
     */
    public boolean isComplete() {
        return items.size() == DiagnosticItem.values().length;
    }
}
