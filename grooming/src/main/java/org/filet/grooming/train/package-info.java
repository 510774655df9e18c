/**
 * Readers of the research corpora (Perverted-Justice, NPS Chat, Ubuntu IRC, CyberAgressionAdo, VTPAN CSV, PAN 2012
 * XML and CSV) into labelled windows and conversations, for training and measuring the triage model. Chat text
 * read here is never logged.
 */
@NullMarked
package org.filet.grooming.train;

import org.jspecify.annotations.NullMarked;
