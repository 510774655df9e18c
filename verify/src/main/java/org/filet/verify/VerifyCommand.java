package org.filet.verify;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.filet.verify.sth.LedgerPublicKey;
import org.filet.verify.sth.TreeHeadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify PACKAGE.zip}: checks a sealed evidence package offline. A thin shell over {@link PackageVerifier}. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = VerifyCommand.Version.class,
        resourceBundle = "org.filet.verify.VerifyCommand",
        description = "Verify a sealed Filet evidence package offline: files, manifest, custody ledger proofs, "
                + "signed tree head and RFC 3161 timestamp.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the package verified",
            "1:the package does not verify (each failure is listed)",
            "2:unreadable input or usage error"
        })
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "PACKAGE.zip",
            descriptionKey = "package",
            description = "the sealed evidence package")
    Path packageZip;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(
            names = "--trusted-key",
            paramLabel = "PEM",
            description = "require the package to be signed by this public key (PEM file published by the instance)")
    Path trustedKey;

    @Option(names = "--require-timestamp", description = "fail when the package has no RFC 3161 timestamp")
    boolean requireTimestamp;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LedgerPublicKey key = null;
        if (trustedKey != null) {
            try {
                key = LedgerPublicKey.fromPem(Files.readString(trustedKey, StandardCharsets.US_ASCII));
            } catch (IOException | TreeHeadException e) {
                err.println("cannot read --trusted-key: " + e.getMessage());
                return VerificationReport.Outcome.UNREADABLE.exitCode();
            }
        }
        if (!Files.isRegularFile(packageZip)) {
            err.println("not a file: " + packageZip);
            return VerificationReport.Outcome.UNREADABLE.exitCode();
        }
        VerificationReport report =
                PackageVerifier.verify(packageZip, new PackageVerifier.Options(key, requireTimestamp));
        if (json) {
            out.println(report.toJson());
        } else {
            out.print(report.toText());
        }
        out.flush();
        return report.outcome().exitCode();
    }

    /** Runs the command and returns its exit code (for tests and for embedding in the {@code filet} CLI). */
    public static int mainWithoutExit(String... args) {
        CommandLine cl = new CommandLine(new VerifyCommand());
        // a crash is not a finding: report it as "could not verify" (2), never as "invalid" (1)
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("verify failed unexpectedly: " + e);
            return VerificationReport.Outcome.UNREADABLE.exitCode();
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(mainWithoutExit(args));
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = VerifyCommand.class.getPackage().getImplementationVersion();
            return new String[] {"filet-verify " + (v == null ? "dev" : v)};
        }
    }
}
