package org.filet.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/modules.md} is the Maven modules' dependency diagram generated from the poms (our own modules only,
 * test-scope dependencies apart): this test fails when a pom changes and the diagram does not.
 * {@code -Dfilet.docs.write=true} rewrites it.
 */
class MavenModulesDiagramTest {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern OURS = Pattern.compile("<artifactId>filet-([a-z]+)</artifactId>");

    static String diagram(Path root) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# Maven modules\n\n")
                .append(
                        "Generated from the poms by `MavenModulesDiagramTest` (server tests); an arrow reads \"depends on\"")
                .append(" (compile scope; a dashed arrow is test scope only). The server's own capabilities are in")
                .append(" Spring Modulith's diagram (`ModularityTest`).\n\n```mermaid\nflowchart BT\n");
        Matcher modules = MODULE.matcher(Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        while (modules.find()) {
            names.add(modules.group(1));
        }
        for (String module : names) {
            String pom = Files.readString(root.resolve(module).resolve("pom.xml"), StandardCharsets.UTF_8);
            Set<String> compile = new LinkedHashSet<>();
            Set<String> test = new LinkedHashSet<>();
            Matcher d = DEPENDENCY.matcher(pom.substring(pom.indexOf("<dependencies>")));
            while (d.find()) {
                Matcher ours = OURS.matcher(d.group(1));
                if (ours.find()) {
                    (d.group(1).contains("<scope>test</scope>") ? test : compile).add(ours.group(1));
                }
            }
            test.removeAll(compile);
            b.append("    ").append(module).append('\n');
            compile.forEach(c ->
                    b.append("    ").append(module).append(" --> ").append(c).append('\n'));
            test.forEach(t ->
                    b.append("    ").append(module).append(" -.-> ").append(t).append('\n'));
        }
        return b.append("```\n").toString();
    }

    @Test
    void docsModulesIsTheDiagramOfThePoms() throws IOException {
        Path root = Path.of(System.getProperty("filet.repo.root", ".."));
        Path doc = root.resolve("docs/modules.md");
        String expected = diagram(root);
        if (Boolean.getBoolean("filet.docs.write")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertThat(doc)
                .as("docs/modules.md: run this test with -Dfilet.docs.write=true")
                .exists();
        assertThat(Files.readString(doc, StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
