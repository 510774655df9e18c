package org.filet.server.linking;

import java.util.Map;
import java.util.UUID;
import org.filet.server.evidence.documents.ExportSummary;
import org.filet.server.evidence.documents.PackageContent;
import org.springframework.stereotype.Component;

/**
 * Adds to a report's package why it is linked to the other reports of the same package: the identifiers they share.
 * Reports outside the package are never named.
 */
@Component
class LinksInPackage implements PackageContent {

    private final Links links;

    LinksInPackage(Links links) {
        this.links = links;
    }

    @Override
    public void contribute(UUID report, UUID organisation, Map<UUID, String> packaged, ExportSummary.Additions into) {
        if (packaged.size() < 2) {
            return;
        }
        for (Links.Link link : links.of(report, organisation)) {
            if (packaged.containsValue(link.receipt()) && !link.receipt().equals(packaged.get(report))) {
                into.link(new ExportSummary.Link(
                        link.receipt(),
                        "identifier",
                        link.kind().toLowerCase(java.util.Locale.ROOT),
                        (link.platform() == null || link.platform().isBlank() ? "" : link.platform() + " ")
                                + link.value()));
            }
        }
    }
}
