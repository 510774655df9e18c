package org.filet.server.cases;

/** Why a change to a case is refused. */
public final class CaseProblems {

    private CaseProblems() {}

    /** A refusal the case page explains in the user's language: {@link #key()} names the message. */
    public interface Explained {
        String key();
    }

    /** The move is not in the status flow. */
    public static final class TransitionNotAllowed extends RuntimeException implements Explained {
        public TransitionNotAllowed(CaseStatus from, CaseStatus to) {
            super("a case cannot move from " + from.dbValue() + " to " + to.dbValue());
        }

        public String key() {
            return "case.refused.transition";
        }
    }

    /** Four-eyes: approval needs a lead who is not the case's author, nor the one who changed what is approved. */
    public static final class FourEyesRequired extends RuntimeException implements Explained {
        private final String key;

        public FourEyesRequired(String key, String why) {
            super(why);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Input the case cannot take (a missing title, an unknown report or member). */
    public static final class Invalid extends IllegalArgumentException implements Explained {
        private final String key;

        public Invalid(String key, String why) {
            super(why);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** No case with this number in the user's organisation. */
    public static final class CaseNotFound extends RuntimeException {
        public CaseNotFound() {
            super("no such case in your organisation");
        }
    }
}
