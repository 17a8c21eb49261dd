package fr.asso.europlie.plie.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock moved by hand (horloge manuelle), for tests, replays and demonstrations: given to
 * {@link PlieEngine.Builder#clock}, it drives the engine's timers and the instants the library
 * records, so that a 30-day deadline passes in a call to {@link #advance} followed by
 * {@link PlieEngine#runDueJobs()}. Thread-safe; copies made with {@link #withZone} share the time.
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * A clock standing at an instant, in Paris.
     *
     * @param start the instant, not null
     * @return the clock
     */
    public static ManualClock at(Instant start) {
        return new ManualClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), PlieConfigurator.PARIS);
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far, not null and not negative
     * @throws IllegalArgumentException when the duration is negative
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: a clock moves forward, not " + duration);
        }
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ManualClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
