package fr.asso.europlie.plie.indicators;

import java.math.BigDecimal;

/**
 * The running counts of one slice during the single pass of a report: one slice of {@link Tallies}.
 */
final class Tally {

    private final Tallies tallies = new Tallies(1);
    private final int slice = tallies.newSlice();

    void add(Contribution c) {
        tallies.add(slice, c);
    }

    /** Adds a period's contribution unless this tally already has it (same serial number). */
    void addOnce(Contribution c, int serial) {
        tallies.addOnce(slice, c, serial);
    }

    CohortFigures figures(BigDecimal objective) {
        return tallies.figures(slice, objective);
    }

    EsfIndicators esf() {
        return tallies.esf(slice);
    }

    SliceFigures slice(BigDecimal objective) {
        return tallies.slice(slice, objective);
    }
}
