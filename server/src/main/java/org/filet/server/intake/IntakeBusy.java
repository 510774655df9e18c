package org.filet.server.intake;

/** Too many reports are waiting to be committed; the reporter should try again in a moment. Nothing was kept. */
class IntakeBusy extends RuntimeException {
    IntakeBusy() {
        super("intake is busy: too many reports waiting to be committed");
    }
}
