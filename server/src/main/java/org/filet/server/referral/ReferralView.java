package org.filet.server.referral;

import java.util.List;
import org.filet.server.cases.CaseReferralView;
import org.filet.server.cases.Cases;
import org.filet.server.people.StaffUser;
import org.springframework.stereotype.Component;

/** The referral part of a case page: the proposal and the directory before, the referral and outcomes after. */
@Component
class ReferralView implements CaseReferralView {

    private final Referrals referrals;
    private final Authorities authorities;

    ReferralView(Referrals referrals, Authorities authorities) {
        this.referrals = referrals;
        this.authorities = authorities;
    }

    /** The case page's referral section. */
    public record View(
            Authorities.Proposal proposal,
            List<Authorities.Authority> directory,
            Referrals.Referral referral,
            List<Referrals.Outcome> outcomes,
            List<Referrals.Message> messages) {

        /** The name of the authority the case was referred to (its code if the directory no longer lists it). */
        public String referredToName() {
            return referral == null
                    ? ""
                    : directory.stream()
                            .filter(a -> a.code().equals(referral.authority()))
                            .map(Authorities.Authority::name)
                            .findFirst()
                            .orElse(referral.authority());
        }
    }

    @Override
    public View of(StaffUser user, Cases.Case kase) {
        var referral = referrals.ofCase(kase.id()).orElse(null);
        return new View(
                referrals.proposal(user, kase.number()).orElse(null),
                authorities.all(),
                referral,
                referral == null ? List.of() : referrals.outcomes(referral.id()),
                referral == null ? List.of() : referrals.messages(referral.id()));
    }
}
