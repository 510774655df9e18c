package org.filet.server.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

import org.filet.server.evidence.EvidenceStore;
import org.filet.server.evidence.EvidenceTooLarge;
import org.filet.server.evidence.Sha256;
import org.filet.server.evidence.StoredObject;
import org.filet.server.people.Organisations;
import org.filet.server.support.FiletSettings;

/**
 * Receives a validated report: sniffs and stores its files in the evidence store (durable), then hands the report to
 * the committer and returns the receipt only once everything is committed.
 */
@Component
class Intake {

    private final EvidenceStore store;
    private final FileTypes fileTypes;
    private final IntakeCommitter committer;
    private final IntakeSettings settings;
    private final Organisations organisations;
    private final FiletSettings filet;

    Intake(EvidenceStore store, FileTypes fileTypes, IntakeCommitter committer, IntakeSettings settings,
           Organisations organisations, FiletSettings filet) {
        this.store = store;
        this.fileTypes = fileTypes;
        this.committer = committer;
        this.settings = settings;
        this.organisations = organisations;
        this.filet = filet;
    }

    /** What the reporter gets back, once: the receipt and the access code. */
    record Receipt(String receipt, String accessCode) {
        @Override
        public String toString() {
            return "Receipt[" + receipt + "]";
        }
    }

    Receipt receive(ReportSubmission submission, byte[] submissionBytes, List<Upload> uploads, String channel) {
        List<IncomingFile> files = storeFiles(uploads, "files");
        String receipt = Receipts.newReceipt();
        String code = Receipts.newAccessCode();
        NewReport report = new NewReport(UUID.randomUUID(), receipt, Receipts.hashAccessCode(receipt, code),
                organisations.receiving(filet.organisation()), Instant.now(), channel, submission, submissionBytes,
                Sha256.hex(submissionBytes), files);
        await(committer.submit(report));
        return new Receipt(receipt, code);
    }

    /** Checks every upload's type and size first, then stores them; nothing is stored if one is refused. */
    List<IncomingFile> storeFiles(List<Upload> uploads, String field) {
        if (uploads.size() > settings.maxFiles()) {
            throw new IntakeProblems.TooLarge(field, "at most " + settings.maxFiles() + " files per request");
        }
        List<FileTypes.Sniffed> types = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            String name = field + "[" + i + "]";
            if (upload.size() > settings.maxFileSize().toBytes()) {
                throw new IntakeProblems.TooLarge(name, "a file may not exceed " + settings.maxFileSize().toMegabytes() + " MB");
            }
            try (InputStream in = upload.open()) {
                FileTypes.Sniffed sniffed = fileTypes.sniff(in, upload.originalName());
                if (!sniffed.allowed()) {
                    throw new IntakeProblems.UnsupportedFileType(name, sniffed.mediaType());
                }
                types.add(sniffed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<IncomingFile> files = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            FileTypes.Sniffed sniffed = types.get(i);
            try (InputStream in = upload.open()) {
                StoredObject stored = store.put(in, settings.maxFileSize().toBytes());
                files.add(new IncomingFile(stored.sha256(), stored.size(), cleanName(upload.originalName()),
                        sniffed.declaredType(), sniffed.mediaType(), sniffed.mismatch(), Instant.now()));
            } catch (EvidenceTooLarge e) {
                throw new IntakeProblems.TooLarge(field + "[" + i + "]", e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static void await(java.util.concurrent.CompletableFuture<Void> done) {
        try {
            done.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeBusy();
        } catch (TimeoutException e) {
            throw new IntakeBusy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("the report could not be committed", e.getCause());
        }
    }

    /** The name as given, without any path and without control characters: a label, never a path. */
    static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("\\p{Cntrl}", "");
        return base.length() > 255 ? base.substring(0, 255) : base;
    }
}
