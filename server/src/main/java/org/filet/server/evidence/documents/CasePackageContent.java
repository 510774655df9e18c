package org.filet.server.evidence.documents;

import java.util.UUID;

/**
 * What a capability adds to {@code case.pdf} from the data it owns: the cases capability the case itself and its
 * approvals, the referral capability the authority and who referred. The exporter asks every implementation, in no
 * particular order, before it renders the case package's {@code case.pdf}.
 */
public interface CasePackageContent {

    /**
     * Adds what this capability holds about one case.
     *
     * @param caseNumber   the case's number
     * @param organisation the organisation the case belongs to
     * @param into         where to add it
     */
    void contribute(String caseNumber, UUID organisation, CaseSummary.Facts into);
}
