package fr.asso.europlie.plie.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The scenario's calendar (calendrier du scénario): the negotiation of autumn 2021 replayed in a
 * few seconds, the clock moved forward between the stages as the weeks of a real negotiation.
 */
final class ScenarioClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    ScenarioClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ScenarioClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
