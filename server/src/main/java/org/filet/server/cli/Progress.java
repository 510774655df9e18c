package org.filet.server.cli;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Progress of a long command on a terminal: done/total, rate and time left, rewritten in place on standard error at
 * most a few times a second. Silent when the command is piped or run by a script ({@link System#console()} is null),
 * so logs and pipes get only the command's result lines.
 */
final class Progress implements AutoCloseable {

    private final String what;
    private final long total;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long last;
    private long done;
    private boolean shown;

    private Progress(String what, long total, PrintStream out) {
        this.what = what;
        this.total = total;
        this.out = out;
    }

    /** On a terminal only. */
    static Progress of(String what, long total) {
        return new Progress(what, total, System.console() != null ? System.err : null);
    }

    /** Shown wherever {@code out} goes (tests). */
    static Progress to(PrintStream out, String what, long total) {
        return new Progress(what, total, out);
    }

    void step() {
        advance(1);
    }

    void advance(long n) {
        done += n;
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - last >= 250_000_000L || done == total) {
            last = now;
            out.print("\r" + line(now) + "   ");
            out.flush();
            shown = true;
        }
    }

    String line(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        StringBuilder b = new StringBuilder(what).append(' ').append(done);
        if (total > 0) {
            b.append('/').append(total).append(String.format(" (%d%%)", done * 100 / total));
        }
        b.append(String.format(", %.1f/s", rate));
        if (total > 0 && done > 0 && done < total) {
            b.append(", ")
                    .append(format(Duration.ofSeconds((long) ((total - done) / rate))))
                    .append(" left");
        }
        return b.toString();
    }

    private static String format(Duration d) {
        return d.toHours() > 0
                ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }

    @Override
    public void close() {
        if (out != null && shown) {
            out.println();
        }
    }
}
