/**
 * Linking: identifiers are extracted from each report (the form's accounts, phones and emails; the messages; the
 * parsed exports) and normalised by the {@code identifiers} module; reports sharing one are linked, with a plain
 * explanation. Bounded: an exclusion list for common values and a cap per value. Listens to the
 * {@code identifiers-due} job. A display name alone never links anything.
 */
@NullMarked
package org.filet.server.linking;

import org.jspecify.annotations.NullMarked;
