package org.filet.seal;

import java.util.List;
import org.filet.verify.Finding;

/** The writer refused to seal: the package would not verify, for the reasons listed. */
public final class PackageSealException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<Finding> findings;

    public PackageSealException(List<Finding> findings) {
        super("package would not verify: " + findings);
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
