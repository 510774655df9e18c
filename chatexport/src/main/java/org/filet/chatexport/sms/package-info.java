/**
 * Android "SMS Backup &amp; Restore" XML, read with StAX in bounded memory (MMS media is hashed, not kept), with DTDs
 * refused and split surrogate character references repaired before parsing.
 */
@NullMarked
package org.filet.chatexport.sms;

import org.jspecify.annotations.NullMarked;
