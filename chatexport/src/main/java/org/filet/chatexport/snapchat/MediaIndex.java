package org.filet.chatexport.snapchat;

import java.util.HashMap;
import java.util.Map;
import org.filet.chatexport.source.ExportFiles;
import org.filet.chatexport.source.ExportMember;
import org.filet.conversation.Attachment;
import org.jspecify.annotations.Nullable;

/** Snapchat media files by id: {@code chat_media/<date>_<id>.<ext>}, built once per export. */
final class MediaIndex {
    private final Map<String, ExportMember> byId = new HashMap<>();

    MediaIndex(@Nullable ExportFiles files) {
        if (files == null) {
            return;
        }
        for (ExportMember m : files.members()) {
            if (!m.path().contains("chat_media/")) {
                continue;
            }
            String name = m.fileName();
            int us = name.indexOf('_');
            int dot = name.lastIndexOf('.');
            String id = name.substring(us + 1, dot > us ? dot : name.length());
            byId.putIfAbsent(id, m);
        }
    }

    Attachment attachment(String id) {
        ExportMember m = byId.get(id);
        return m == null ? Attachment.referenced("chat_media/*" + id + "*") : new Attachment(m.path(), m.sha256());
    }
}
