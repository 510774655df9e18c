/** Small helpers shared by the parsers. */
@NullMarked
package org.filet.chatexport.util;

import org.jspecify.annotations.NullMarked;
