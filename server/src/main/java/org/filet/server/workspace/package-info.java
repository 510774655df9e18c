/**
 * Workspace: the analyst's page of one report, which brings together what every capability knows of it (the report,
 * its custody, triage, conversations and screenshots, pictures, identifiers and links, the analyses that failed), and
 * the administrators' list of failed analyses ({@code /admin/jobs}). It reads through each capability's public
 * interface and changes nothing but a given-up job's retry (through {@code support.Jobs}); no capability depends on it.
 */
@NullMarked
package org.filet.server.workspace;

import org.jspecify.annotations.NullMarked;
