package org.filet.server.cases;

import java.util.List;

/**
 * Events of a case that another capability records (the referral: sent, accepted, questions and answers, outcomes,
 * hand-overs, closing). Implemented by that capability, which depends on cases and not the other way round.
 */
public interface CaseEventSource {

    List<CaseEvent> eventsOf(Cases.Case kase);
}
