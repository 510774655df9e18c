package org.filet.grooming;

/**
 * Which urgency rules apply. A proposed meeting is urgent when a time or place appears within
 * {@code meetingWindow} messages of it; {@code addressAsked} covers where the child lives, their address or their
 * shared location, and {@code whereNowAsked} adds the casual "where are you now" (off by default: teenagers ask
 * it of each other all the time); a child is urgent below {@code childAgeBelow}.
 */
public record UrgencySettings(
        boolean meetingWithTimeOrPlace,
        int meetingWindow,
        boolean addressAsked,
        boolean whereNowAsked,
        boolean threatOrSextortion,
        boolean selfHarm,
        int childAgeBelow) {

    public UrgencySettings {
        if (meetingWindow < 0 || meetingWindow > 50) {
            throw new IllegalArgumentException("meetingWindow must be 0..50, was " + meetingWindow);
        }
        if (childAgeBelow < 0 || childAgeBelow > 18) {
            throw new IllegalArgumentException("childAgeBelow must be 0..18, was " + childAgeBelow);
        }
    }

    /** Meetings within 2 messages of a time or place, address asked, threats, self-harm, children under 13. */
    public static UrgencySettings defaults() {
        return new UrgencySettings(true, 2, true, false, true, true, 13);
    }
}
