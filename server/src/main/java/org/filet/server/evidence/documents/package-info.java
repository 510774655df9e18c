/**
 * The human-readable documents of a sealed package ({@code report.pdf}, {@code case.jsonld}, a case's {@code case.pdf}), made from an
 * {@link org.filet.server.evidence.documents.ExportSummary}: the evidence capability's interface for exporters.
 */
@org.springframework.modulith.NamedInterface("documents")
package org.filet.server.evidence.documents;
