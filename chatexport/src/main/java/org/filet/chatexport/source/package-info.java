/**
 * The uploaded export as a set of named members (a single file, a zip archive, or a folder), each hashed, with text
 * members kept in memory within {@link org.filet.chatexport.ImportLimits}. Refuses path traversal, symlinks and
 * archive bombs with a named {@link org.filet.chatexport.UnreadableExport}.
 */
@NullMarked
package org.filet.chatexport.source;

import org.jspecify.annotations.NullMarked;
