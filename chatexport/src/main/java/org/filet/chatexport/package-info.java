/**
 * Chat-export import: reads WhatsApp, Messenger/Instagram, Telegram, Discord, Snapchat, SMS Backup &amp; Restore and
 * Signal text exports into one immutable conversation model ({@link org.filet.conversation.Conversation}), written and
 * read back as JSON Lines by {@link org.filet.chatexport.ConversationJson}. Entry point: {@link
 * org.filet.chatexport.ChatImport}. Publishes and listens to no events; plain Java, no framework.
 */
@NullMarked
package org.filet.chatexport;

import org.jspecify.annotations.NullMarked;
