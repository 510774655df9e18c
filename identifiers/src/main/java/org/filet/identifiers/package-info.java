/**
 * Identifier normalisation for linking reports: phone numbers to E.164 ({@link org.filet.identifiers.Phones}),
 * e-mail addresses with provider variants kept apart ({@link org.filet.identifiers.Emails}), profile links and
 * handles to (platform, account) ({@link org.filet.identifiers.ProfileLinks}, {@link org.filet.identifiers.Handles}),
 * extraction with positions from free text ({@link org.filet.identifiers.IdentifierExtractor}) and a list of values
 * too common to link anything ({@link org.filet.identifiers.CommonValues}). {@link org.filet.identifiers.Identifiers}
 * is the entry point. Plain Java, no framework; publishes and listens to no events. Identifier values and the text
 * they come from never appear in {@code toString}, exception messages or logs.
 */
@NullMarked
package org.filet.identifiers;

import org.jspecify.annotations.NullMarked;
