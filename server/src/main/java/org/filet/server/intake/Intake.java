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
import org.filet.server.evidence.EvidenceCatalogue;
import org.filet.server.evidence.EvidenceStore;
import org.filet.server.evidence.EvidenceTooLarge;
import org.filet.server.people.Organisations;
import org.filet.server.support.FiletSettings;
import org.filet.verify.Sha256;
import org.springframework.stereotype.Component;

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

    private final EvidenceCatalogue catalogue;

    Intake(
            EvidenceStore store,
            FileTypes fileTypes,
            IntakeCommitter committer,
            IntakeSettings settings,
            Organisations organisations,
            FiletSettings filet,
            EvidenceCatalogue catalogue) {
        this.catalogue = catalogue;
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
        StoredFiles stored = storeFiles(uploads, "files");
        return stored.committing(() -> {
            String receipt = Receipts.newReceipt();
            String code = Receipts.newAccessCode();
            NewReport report = new NewReport(
                    UUID.randomUUID(),
                    receipt,
                    Receipts.hashAccessCode(receipt, code),
                    organisations.receiving(filet.organisation()),
                    Instant.now(),
                    channel,
                    submission,
                    submissionBytes,
                    Sha256.hex(submissionBytes),
                    stored.files());
            await(committer.submit(report));
            return new Receipt(receipt, code);
        });
    }

    /**
     * Files written to the evidence store for a write that has not committed yet. {@link #committing} runs the
     * commit: on success the objects stay; on any failure they are removed again (unless another report holds or
     * records the same bytes), so a failed intake leaves no object that no custody entry names.
     */
    final class StoredFiles {
        private final List<IncomingFile> files = new ArrayList<>();
        private final List<EvidenceStore.Pending> pending = new ArrayList<>();

        List<IncomingFile> files() {
            return List.copyOf(files);
        }

        <T> T committing(java.util.function.Supplier<T> commit) {
            boolean committed = false;
            try {
                T result = commit.get();
                committed = true;
                return result;
            } finally {
                settle(committed);
            }
        }

        void settle(boolean committed) {
            for (EvidenceStore.Pending p : pending) {
                if (committed) {
                    p.keep();
                } else {
                    p.discard(catalogue::lists);
                }
            }
            pending.clear();
        }
    }

    /** Checks every upload's type and size first, then stores them; nothing is stored if one is refused. */
    StoredFiles storeFiles(List<Upload> uploads, String field) {
        if (uploads.size() > settings.maxFiles()) {
            throw new IntakeProblems.TooLarge(field, "at most " + settings.maxFiles() + " files per request");
        }
        List<FileTypes.Sniffed> types = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            String name = field + "[" + i + "]";
            if (upload.size() > settings.maxFileSize().toBytes()) {
                throw new IntakeProblems.TooLarge(
                        name, "a file may not exceed " + settings.maxFileSize().toMegabytes() + " MB");
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
        StoredFiles files = new StoredFiles();
        boolean stored = false;
        try {
            for (int i = 0; i < uploads.size(); i++) {
                Upload upload = uploads.get(i);
                FileTypes.Sniffed sniffed = types.get(i);
                try (InputStream in = upload.open()) {
                    EvidenceStore.Pending object =
                            store.putPending(in, settings.maxFileSize().toBytes());
                    files.pending.add(object);
                    files.files.add(new IncomingFile(
                            object.object().sha256(),
                            object.object().size(),
                            cleanName(upload.originalName()),
                            sniffed.declaredType(),
                            sniffed.mediaType(),
                            sniffed.mismatch(),
                            Instant.now()));
                } catch (EvidenceTooLarge e) {
                    throw new IntakeProblems.TooLarge(field + "[" + i + "]", e.getMessage());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            stored = true;
            return files;
        } finally {
            if (!stored) {
                files.settle(false);
            }
        }
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
