/**
 * Discord: DiscordChatExporter JSON, CSV and TXT, and Discord's own data package ({@code messages/index.json},
 * {@code c<id>/channel.json}, {@code messages.json} or {@code messages.csv}).
 */
@NullMarked
package org.filet.chatexport.discord;

import org.jspecify.annotations.NullMarked;
