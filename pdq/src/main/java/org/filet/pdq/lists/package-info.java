/**
 * Importers for exchanged hash lists (ThreatExchange/HMA PDQ CSV, Project VIC VICS JSON, plain MD5/SHA-1/SHA-256
 * lists): each returns all entries or fails with the line of the first problem.
 */
package org.filet.pdq.lists;
