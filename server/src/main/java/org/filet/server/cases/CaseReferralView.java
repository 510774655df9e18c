package org.filet.server.cases;

import org.filet.server.people.StaffUser;

/**
 * What the case page shows of a referral (the routing proposal before, the referral and its outcomes after). Provided
 * by the referral capability, which depends on cases and not the other way round.
 */
public interface CaseReferralView {

    Object of(StaffUser user, Cases.Case kase);
}
