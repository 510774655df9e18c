/** Snapchat "My Data" {@code chat_history.json} (2023+ and 2019–2022 shapes). */
@NullMarked
package org.filet.chatexport.snapchat;

import org.jspecify.annotations.NullMarked;
