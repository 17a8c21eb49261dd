package fr.asso.europlie.plie.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.Date;
import java.util.Objects;
import java.util.TimeZone;

/**
 * Joins the two clocks (horloges): Flowable's, which schedules timers, and {@link java.time.Clock},
 * which the domain reads. Whichever the application provides, both then tell the same time, so
 * that moving one clock in a test moves deadlines and recorded instants together.
 */
public final class ClockBridge {

    private ClockBridge() {
    }

    /**
     * A Flowable clock that reads a {@link java.time.Clock}; setting it overrides the time until
     * {@code reset()}, as Flowable's own clock does.
     *
     * @param clock the source clock, not null
     * @return the Flowable clock
     */
    public static org.flowable.common.engine.impl.runtime.Clock flowable(Clock clock) {
        return new ToFlowable(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * A {@link java.time.Clock} that reads Flowable's clock.
     *
     * @param clock the engine's clock reader, not null
     * @param zone the zone used for dates, not null
     * @return the java.time clock
     */
    public static Clock java(org.flowable.common.engine.impl.runtime.ClockReader clock, ZoneId zone) {
        return new FromFlowable(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(zone, "zone"));
    }

    private static final class ToFlowable implements org.flowable.common.engine.impl.runtime.Clock {
        private final Clock source;
        private volatile Instant override;

        ToFlowable(Clock source) {
            this.source = source;
        }

        private Instant now() {
            Instant fixed = override;
            return fixed != null ? fixed : source.instant();
        }

        @Override
        public void setCurrentTime(Date currentTime) {
            override = currentTime == null ? null : currentTime.toInstant();
        }

        @Override
        public void setCurrentCalendar(Calendar currentTime) {
            override = currentTime == null ? null : currentTime.toInstant();
        }

        @Override
        public void reset() {
            override = null;
        }

        @Override
        public Date getCurrentTime() {
            return Date.from(now());
        }

        @Override
        public Calendar getCurrentCalendar() {
            return getCurrentCalendar(getCurrentTimeZone());
        }

        @Override
        public Calendar getCurrentCalendar(TimeZone timeZone) {
            Calendar calendar = Calendar.getInstance(timeZone);
            calendar.setTime(getCurrentTime());
            return calendar;
        }

        @Override
        public TimeZone getCurrentTimeZone() {
            return TimeZone.getTimeZone(source.getZone());
        }
    }

    private static final class FromFlowable extends Clock {
        private final org.flowable.common.engine.impl.runtime.ClockReader source;
        private final ZoneId zone;

        FromFlowable(org.flowable.common.engine.impl.runtime.ClockReader source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new FromFlowable(source, other);
        }

        @Override
        public Instant instant() {
            return source.getCurrentTime().toInstant();
        }
    }
}
