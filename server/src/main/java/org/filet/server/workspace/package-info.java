/**
 * Workspace: the analyst's page of one report, which brings together what every capability knows of it (the report,
 * its custody, triage, conversations and screenshots, pictures, identifiers and links). It only reads, through each
 * capability's public interface; no capability depends on it.
 */
@NullMarked
package org.filet.server.workspace;

import org.jspecify.annotations.NullMarked;
