package org.filet.server.evidence.documents;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * What a capability adds to the documents of a report's sealed package from the data it owns: the conversations
 * capability its parsed exports and OCR readings, triage its result, cases the notes chosen for the authority, linking
 * why reports are linked, people the staff's names. The exporter asks every implementation, in no particular order,
 * before it renders {@code report.pdf} and {@code case.jsonld}.
 */
public interface PackageContent {

    /**
     * Adds what this capability holds about one report.
     *
     * @param report       the report
     * @param organisation the organisation the report belongs to
     * @param packaged     every report in the same package, id to receipt (only these may be named as linked)
     * @param into         where to add it
     */
    void contribute(UUID report, UUID organisation, Map<UUID, String> packaged, ExportSummary.Additions into)
            throws IOException;
}
