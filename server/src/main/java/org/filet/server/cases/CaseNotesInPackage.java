package org.filet.server.cases;

import java.util.Map;
import java.util.UUID;
import org.filet.server.evidence.documents.ExportSummary;
import org.filet.server.evidence.documents.PackageContent;
import org.springframework.stereotype.Component;

/**
 * Adds to a report's package the notes its organisation chose to send to the authority (the note form's "include in
 * what we send to the authority", off by default) on the cases that hold the report. Other notes never leave.
 */
@Component
class CaseNotesInPackage implements PackageContent {

    private final Cases cases;

    CaseNotesInPackage(Cases cases) {
        this.cases = cases;
    }

    @Override
    public void contribute(UUID report, UUID organisation, Map<UUID, String> packaged, ExportSummary.Additions into) {
        for (Cases.AuthorityNote n : cases.notesForAuthority(report, organisation)) {
            into.note(new ExportSummary.Note(n.caseNumber(), "user:" + n.author(), n.at(), n.body()));
        }
    }
}
