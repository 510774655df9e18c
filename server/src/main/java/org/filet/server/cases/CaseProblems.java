package org.filet.server.cases;

/** Why a change to a case is refused. */
public final class CaseProblems {

    private CaseProblems() {
    }

    /** The move is not in the status flow. */
    public static final class TransitionNotAllowed extends RuntimeException {
        public TransitionNotAllowed(CaseStatus from, CaseStatus to) {
            super("a case cannot move from " + from.dbValue() + " to " + to.dbValue());
        }
    }

    /** Four-eyes: approval needs a lead who is not the case's author. */
    public static final class FourEyesRequired extends RuntimeException {
        public FourEyesRequired(String why) {
            super(why);
        }
    }

    /** No case with this number in the user's organisation. */
    public static final class CaseNotFound extends RuntimeException {
        public CaseNotFound() {
            super("no such case in your organisation");
        }
    }
}
