package org.filet.server.intake;

import java.io.IOException;
import java.io.InputStream;

/** A file as uploaded: its name as the client gave it and a way to read it (more than once). */
interface Upload {

    String originalName();

    long size();

    InputStream open() throws IOException;

    static Upload of(org.springframework.web.multipart.MultipartFile file) {
        return new Upload() {
            @Override
            public String originalName() {
                String name = file.getOriginalFilename();
                return name == null ? "" : name;
            }

            @Override
            public long size() {
                return file.getSize();
            }

            @Override
            public InputStream open() throws IOException {
                return file.getInputStream();
            }
        };
    }
}
