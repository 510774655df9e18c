/**
 * WhatsApp "Export chat" text (Android and iOS, any locale): a hand-written header scanner, day/month order inference
 * over the whole file, and classification of bodies (system, deleted, media omitted, attachments).
 */
@NullMarked
package org.filet.chatexport.whatsapp;

import org.jspecify.annotations.NullMarked;
