package org.filet.server.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwords of the embedded PostgreSQL's three roles, generated on first start and kept in
 * {@code <data>/db-passwords.properties} with mode 0600 (owner read/write only).
 *
 * <p>Guarantees: a password is never printed ({@link #toString()} hides them); the file is written whole (temporary
 * file, fsync, atomic rename) before any password is given to PostgreSQL, so a crash never leaves a database whose
 * passwords nobody knows.
 *
 * @param superuser   the password of {@link #SUPERUSER}: operators and tests that simulate a privileged hand
 * @param owner       the password of {@link #OWNER}, which runs the migrations and owns every table
 * @param application the password of {@link #APPLICATION}, the role the server and the CLI run as
 */
public record DatabasePasswords(String superuser, String owner, String application) {

    private static final Logger log = LoggerFactory.getLogger(DatabasePasswords.class);

    public static final String FILE = "db-passwords.properties";
    public static final String SUPERUSER = "postgres";
    public static final String OWNER = "filet_owner";
    public static final String APPLICATION = "filet_app";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public DatabasePasswords {
        for (String p : new String[] {superuser, owner, application}) {
            if (p == null || p.isBlank()) {
                throw new IllegalArgumentException("a database password is missing");
            }
        }
    }

    /** Where the passwords of the database under {@code dataDir} are kept. */
    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE);
    }

    /**
     * The passwords kept for {@code dataDir}. Requires the file to exist: a database whose passwords were lost
     * cannot be opened, and new ones are never invented for it.
     */
    public static DatabasePasswords load(Path dataDir) {
        Path file = file(dataDir);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "The embedded database under " + dataDir.resolve("pg")
                            + " needs its passwords file " + file
                            + ", which is missing: restore it from the backup of this"
                            + " data directory (or, if an earlier Filet is running on it, stop that one and start this version)");
        }
        tighten(file);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        try {
            return new DatabasePasswords(p.getProperty(SUPERUSER), p.getProperty(OWNER), p.getProperty(APPLICATION));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    file + " is incomplete: it must name " + SUPERUSER + ", " + OWNER + " and " + APPLICATION, e);
        }
    }

    /** The kept passwords, or new ones (written to the file first) when there is no file yet. */
    static DatabasePasswords loadOrCreate(Path dataDir) {
        if (Files.isRegularFile(file(dataDir))) {
            return load(dataDir);
        }
        DatabasePasswords generated = new DatabasePasswords(generate(), generate(), generate());
        generated.save(dataDir);
        return generated;
    }

    private void save(Path dataDir) {
        Path file = file(dataDir);
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Properties p = new Properties();
        p.setProperty(SUPERUSER, superuser);
        p.setProperty(OWNER, owner);
        p.setProperty(APPLICATION, application);
        try {
            Files.deleteIfExists(tmp);
            createOwnerOnly(tmp);
            try (Writer out =
                    Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
                p.store(
                        out,
                        "Filet: passwords of the embedded PostgreSQL's roles. Keep private; back up with the data directory.");
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel dir = FileChannel.open(dataDir, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException e) {
                // some file systems cannot sync a directory; the rename is still atomic
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** Creates an empty file that only its owner can read and write. */
    static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: its own access control applies
        }
    }

    private static void tighten(Path file) {
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
            if (!now.equals(OWNER_ONLY)) {
                log.warn(
                        "{} was readable by others ({}); set back to rw-------",
                        file,
                        PosixFilePermissions.toString(now));
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        } catch (IOException e) {
            throw new UncheckedIOException("could not check the permissions of " + file, e);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabasePasswords[***]";
    }
}
