package org.filet.server.referral;

import java.util.UUID;
import org.filet.server.cases.Cases;
import org.filet.server.evidence.documents.CasePackageContent;
import org.filet.server.evidence.documents.CaseSummary;
import org.springframework.stereotype.Component;

/**
 * Adds to a case package's {@code case.pdf} its referral: the authority (code and name from the directory), who sent
 * it and when, its status, and the directory's proposal with the reason given when another authority was chosen.
 */
@Component
class ReferralInPackage implements CasePackageContent {

    private final Cases cases;
    private final Referrals referrals;
    private final Authorities authorities;

    ReferralInPackage(Cases cases, Referrals referrals, Authorities authorities) {
        this.cases = cases;
        this.referrals = referrals;
        this.authorities = authorities;
    }

    @Override
    public void contribute(String caseNumber, UUID organisation, CaseSummary.Facts into) {
        cases.find(organisation, caseNumber)
                .flatMap(c -> referrals.ofCase(c.id()))
                .ifPresent(r -> into.referral(new CaseSummary.Referral(
                        r.authority(),
                        authorities
                                .find(r.authority())
                                .map(Authorities.Authority::name)
                                .orElse(null),
                        r.sentBy() == null ? null : "user:" + r.sentBy(),
                        r.sentAt(),
                        r.status(),
                        r.acceptedAt(),
                        r.proposed(),
                        r.overrideReason())));
    }
}
