package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.cohort.ParticipantId;
import java.time.LocalDate;
import java.util.List;

/**
 * What FSE+ data is missing or due on a day (rapport de complétude): entry data missing more than
 * four weeks after the entry, exit data missing after an exit, six-month data due.
 *
 * @param asOf the day of the report
 * @param items the missing data, by due day then participant
 */
public record CompletenessReport(LocalDate asOf, List<Item> items) {

    /**
     * Copies the items.
     *
     * @throws NullPointerException when null
     */
    public CompletenessReport {
        items = List.copyOf(items);
    }

    /** What is missing. */
    public enum Kind {
        /** The entry data, more than the allowed weeks after the entry. */
        ENTRY_DATA_MISSING,
        /** The data upon leaving, after an exit. */
        EXIT_DATA_MISSING,
        /** The data six months after leaving, now due. */
        SIX_MONTH_DATA_DUE
    }

    /**
     * One piece of missing data.
     *
     * @param participant the participant
     * @param period the period's number
     * @param kind what is missing
     * @param dueOn the day it was due
     */
    public record Item(ParticipantId participant, int period, Kind kind, LocalDate dueOn) {
    }

    /**
     * The number of items of a kind.
     *
     * @param kind the kind
     * @return the count
     */
    public long count(Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).count();
    }

    /**
     * Whether nothing is missing.
     *
     * @return true when there is no item
     */
    public boolean isComplete() {
        return items.isEmpty();
    }
}
