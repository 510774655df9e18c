package org.filet.bench.chatexport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.filet.chatexport.ChatImport;
import org.filet.chatexport.ImportOptions;
import org.filet.chatexport.UnreadableExport;
import org.filet.conversation.Conversation;

/**
 * Self-timed import benchmark for {@code filet bench}: WhatsApp text throughput on synthetic Android exports generated
 * in memory ({@code import.whatsapp_mb_per_s}: input bytes per second of JVM CPU time, so GC work counts and other
 * load on the machine does not), and the heap an SMS Backup &amp; Restore file needs when streamed
 * from a generated temporary file ({@code import.sms_heap_mb}: largest heap in use just after a garbage collection,
 * i.e. the live set; {@code import.sms_heap_peak_mb}: largest heap in use including garbage). Sizes: {@code
 * -Dfilet.bench.whatsappMb} (default 32) and {@code -Dfilet.bench.smsMb} (default 128; 1024 for the 1 GB goal), 0 to
 * skip; the SMS file's bytes are mostly MMS media, like real backups. The SMS part runs in a child JVM limited to 256
 * MB of heap ({@code import.sms_fits_in_256mb_heap} is 1 when it completed).
 */
public final class ChatImportBench {
    private static final int WHATSAPP_MB = 32;
    private static final int SMS_HEAP_LIMIT_MB = 256;

    private ChatImportBench() {}

    public static void main(String[] args) {
        run(System.out);
    }

    public static void run(PrintStream out) {
        int whatsAppMb = Integer.getInteger("filet.bench.whatsappMb", WHATSAPP_MB);
        if (whatsAppMb > 0) {
            whatsApp(out, whatsAppMb);
        }
        long smsMb = Long.getLong("filet.bench.smsMb", 128);
        if (smsMb > 0) {
            try {
                if (Boolean.getBoolean("filet.bench.child") || !smsInChildJvm(out, smsMb)) {
                    sms(out, smsMb);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Runs the SMS part in a child JVM limited to {@value #SMS_HEAP_LIMIT_MB} MB of heap, so the figure answers "does it
     * fit" rather than reflecting this JVM's heap policy. Returns false if no child JVM could be started.
     */
    private static boolean inExecutableJar() {
        var source = ChatImportBench.class.getProtectionDomain().getCodeSource();
        return source != null
                && source.getLocation() != null
                && source.getLocation().toString().startsWith("jar:nested:");
    }

    private static boolean smsInChildJvm(PrintStream out, long smsMb) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            return false;
        }
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx" + SMS_HEAP_LIMIT_MB + "m",
                "-Dfilet.bench.child=true",
                "-Dfilet.bench.whatsappMb=0",
                "-Dfilet.bench.smsMb=" + smsMb,
                "-cp",
                System.getProperty("java.class.path")));
        if (inExecutableJar()) {
            // inside the filet command's executable jar, classes sit in nested jars only its launcher can open
            command.add("-Dloader.main=" + ChatImportBench.class.getName());
            command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        } else {
            command.add(ChatImportBench.class.getName());
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            return true;
        }
        for (String line : output.split("\n")) {
            if (line.startsWith("import.")) {
                out.println(line);
            }
        }
        out.printf("import.sms_fits_in_%dmb_heap %d boolean%n", SMS_HEAP_LIMIT_MB, code == 0 ? 1 : 0);
        return true;
    }

    private static void whatsApp(PrintStream out, int megabytes) {
        byte[] text = syntheticWhatsApp(megabytes << 20, 1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int messages = 0;
        for (int i = 0; i < 3; i++) {
            messages = parseAll(text);
        }
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        double bestThread = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long p0 = processCpuNanos();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            messages = parseAll(text);
            bestWall = Math.min(bestWall, (System.nanoTime() - t0) / 1e9);
            bestThread = Math.min(bestThread, (threads.getCurrentThreadCpuTime() - c0) / 1e9);
            long p1 = processCpuNanos();
            if (p0 >= 0 && p1 >= 0) {
                bestCpu = Math.min(bestCpu, (p1 - p0) / 1e9);
            }
        }
        if (bestCpu == Double.MAX_VALUE) {
            bestCpu = bestThread;
        }
        // CPU time of the whole JVM (parsing thread, GC and compiler threads) during the parse: the throughput of one
        // core, unaffected by other load on the machine; wall-clock and parsing-thread-only figures follow.
        out.printf("import.whatsapp_mb_per_s %.1f MB/s%n", text.length / 1e6 / bestCpu);
        out.printf("import.whatsapp_wall_mb_per_s %.1f MB/s%n", text.length / 1e6 / bestWall);
        out.printf("import.whatsapp_thread_mb_per_s %.1f MB/s%n", text.length / 1e6 / bestThread);
        out.printf("import.whatsapp_messages_per_s %.0f messages/s%n", messages / bestCpu);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static int parseAll(byte[] text) {
        try {
            List<Conversation> cs = ChatImport.parse("bench", "bench.txt", text, ImportOptions.DEFAULT);
            return cs.get(0).messages().size();
        } catch (UnreadableExport e) {
            throw new IllegalStateException("synthetic export refused: " + e.getMessage(), e);
        }
    }

    /** Android-style export of about {@code size} bytes: single- and multi-line messages, media, system lines. */
    public static byte[] syntheticWhatsApp(int size, long seed) {
        Random rnd = new Random(seed);
        String[] names = {"Camille", "Léo", "+33 6 12 34 56 78", "Nina"};
        String[] words = {
            "salut", "ça", "va", "tu", "fais", "quoi", "ce", "soir", "ok", "demain", "école", "photo", "on", "se",
            "voit", "hello", "how", "are", "you", "see", "later", "😀"
        };
        StringBuilder b = new StringBuilder(size + 256);
        int day = 1;
        int month = 1;
        int year = 2023;
        int minute = 0;
        int n = 0;
        while (b.length() < size) {
            if (++minute >= 24 * 60) {
                minute = 0;
                if (++day > 28) {
                    day = 1;
                    if (++month > 12) {
                        month = 1;
                        year++;
                    }
                }
            }
            b.append(day < 10 ? "0" : "")
                    .append(day)
                    .append('/')
                    .append(month < 10 ? "0" : "")
                    .append(month)
                    .append('/')
                    .append(year)
                    .append(", ")
                    .append(minute / 60 < 10 ? "0" : "")
                    .append(minute / 60)
                    .append(':')
                    .append(minute % 60 < 10 ? "0" : "")
                    .append(minute % 60)
                    .append(" - ");
            int kind = rnd.nextInt(100);
            if (kind < 2) {
                b.append(names[rnd.nextInt(names.length)]).append(" a changé le sujet\n");
                continue;
            }
            b.append(names[rnd.nextInt(names.length)]).append(": ");
            if (kind < 6) {
                b.append("<Médias omis>\n");
            } else if (kind < 9) {
                b.append("IMG-").append(year).append("0101-WA").append(n++).append(".jpg (fichier joint)\n");
            } else {
                int lines = kind < 20 ? 2 + rnd.nextInt(3) : 1;
                for (int l = 0; l < lines; l++) {
                    int w = 2 + rnd.nextInt(12);
                    for (int i = 0; i < w; i++) {
                        b.append(words[rnd.nextInt(words.length)]).append(i + 1 < w ? " " : "");
                    }
                    b.append('\n');
                }
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void sms(PrintStream out, long megabytes) throws IOException {
        Path file = Files.createTempFile("filet-sms-bench", ".xml");
        try {
            long records = writeSmsBackup(file, megabytes << 20, 3);
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .toList();
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            AtomicLong liveMax = new AtomicLong();
            AtomicBoolean done = new AtomicBoolean();
            Thread sampler = new Thread(
                    () -> {
                        while (!done.get()) {
                            long live = 0;
                            for (MemoryPoolMXBean p : heap) {
                                if (p.getCollectionUsage() != null) {
                                    live += p.getCollectionUsage().getUsed();
                                }
                            }
                            liveMax.accumulateAndGet(live, Math::max);
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "sms-heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            long t0 = System.nanoTime();
            int messages = 0;
            try {
                for (Conversation c : ChatImport.parse(file)) {
                    messages += c.messages().size();
                }
            } catch (UnreadableExport e) {
                throw new IllegalStateException("synthetic SMS backup refused: " + e.getMessage(), e);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.gc();
            done.set(true);
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long size = Files.size(file);
            if (messages != records) {
                throw new IllegalStateException("SMS bench read " + messages + " of " + records + " records");
            }
            out.printf("import.sms_file_mb %.0f MB%n", size / 1e6);
            out.printf("import.sms_mb_per_s %.1f MB/s%n", size / 1e6 / seconds);
            out.printf("import.sms_heap_mb %.0f MB%n", liveMax.get() / 1e6);
            out.printf("import.sms_heap_peak_mb %.0f MB%n", peak / 1e6);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes an SMS Backup &amp; Restore file of about {@code size} bytes; returns the number of records. */
    static long writeSmsBackup(Path file, long size, long seed) throws IOException {
        Random rnd = new Random(seed);
        byte[] image = new byte[96 * 1024];
        rnd.nextBytes(image);
        String data = Base64.getEncoder().encodeToString(image);
        long records = 0;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"0\" type=\"full\">\n");
            long date = 1_600_000_000_000L;
            while (written < size) {
                date += 60_000;
                String line;
                if (records % 20 == 19) {
                    line = "  <mms date=\"" + date + "\" msg_box=\"1\" address=\"+1555000" + (records % 50)
                            + "\" m_type=\"132\""
                            + " readable_date=\"Sep 13, 2020 12:00:00\" contact_name=\"Contact " + (records % 50)
                            + "\">\n"
                            + "    <parts><part seq=\"0\" ct=\"text/plain\" text=\"see photo &#55357;&#56832;\"/>"
                            + "<part seq=\"1\" ct=\"image/jpeg\" name=\"image.jpg\" data=\"" + data + "\"/></parts>\n"
                            + "    <addrs><addr address=\"+1555000" + (records % 50)
                            + "\" type=\"137\" charset=\"106\"/></addrs>\n"
                            + "  </mms>\n";
                } else {
                    line = "  <sms protocol=\"0\" address=\"+1555000" + (records % 50) + "\" date=\"" + date
                            + "\" type=\""
                            + (1 + records % 2) + "\" subject=\"null\" body=\"message number " + records
                            + " with some ordinary"
                            + " text &amp; more\" readable_date=\"Sep 13, 2020 12:00:00\" contact_name=\"Contact "
                            + (records % 50) + "\" />\n";
                }
                w.write(line);
                written += line.length();
                records++;
            }
            w.write("</smses>\n");
        }
        return records;
    }
}
