package org.filet.server.media;

import java.util.Map;
import java.util.UUID;
import org.filet.server.evidence.documents.ExportSummary;
import org.filet.server.evidence.documents.PackageContent;
import org.springframework.stereotype.Component;

/**
 * Adds to a report's package which of its pictures match a picture of another report of the same package (PDQ, with
 * the distance). Reports outside the package are never named.
 */
@Component
class PicturesInPackage implements PackageContent {

    private final Matches matches;

    PicturesInPackage(Matches matches) {
        this.matches = matches;
    }

    @Override
    public void contribute(UUID report, UUID organisation, Map<UUID, String> packaged, ExportSummary.Additions into) {
        if (packaged.size() < 2) {
            return;
        }
        for (Matches.Match m : matches.of(report, organisation)) {
            if (packaged.containsValue(m.otherReceipt()) && !m.otherReceipt().equals(packaged.get(report))) {
                into.link(new ExportSummary.Link(
                        m.otherReceipt(),
                        "picture",
                        "pdq",
                        m.fileSha256() + " ~ " + m.otherFileSha256() + " (PDQ " + m.distance() + "/256)"));
            }
        }
    }
}
