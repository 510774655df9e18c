/** Telegram Desktop {@code result.json} exports (single chat and full account). */
@NullMarked
package org.filet.chatexport.telegram;

import org.jspecify.annotations.NullMarked;
