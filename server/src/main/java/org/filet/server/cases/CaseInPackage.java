package org.filet.server.cases;

import java.util.UUID;
import org.filet.server.evidence.documents.CasePackageContent;
import org.filet.server.evidence.documents.CaseSummary;
import org.springframework.stereotype.Component;

/**
 * Adds to a case package's {@code case.pdf} the case itself (title, status, who opened it) and every four-eyes
 * approval of its content: version, approver, when, whether it was referred, and the approved content's digest.
 */
@Component
class CaseInPackage implements CasePackageContent {

    private final Cases cases;

    CaseInPackage(Cases cases) {
        this.cases = cases;
    }

    @Override
    public void contribute(String caseNumber, UUID organisation, CaseSummary.Facts into) {
        cases.find(organisation, caseNumber).ifPresent(c -> {
            into.caseItself(c.title(), c.status().dbValue(), "user:" + c.createdBy());
            for (Cases.Snapshot s : cases.snapshots(c.id())) {
                into.approval(new CaseSummary.Approval(
                        s.version(),
                        "user:" + s.approvedBy(),
                        s.approvedAt(),
                        s.referredAt(),
                        s.reports().size(),
                        s.digest()));
            }
        });
    }
}
