/**
 * Messenger and Instagram "Download your information" JSON (classic {@code message_N.json} threads and the
 * end-to-end-encrypted secure-storage download), with guarded mojibake repair.
 */
@NullMarked
package org.filet.chatexport.meta;

import org.jspecify.annotations.NullMarked;
