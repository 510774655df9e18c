package org.filet.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (Deque's engine, the script alone from its Maven artefact) run in the page: WCAG 2.0, 2.1 and 2.2 A and AA
 * rules, the target-size rule among them. The script goes in through WebDriver, which Chrome evaluates outside the
 * page's Content-Security-Policy, so the strict policy stays as served.
 */
public final class Axe {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static String script;

    private Axe() {}

    /** Each violation as "rule (impact): the first nodes' selectors — help", empty when the page passes. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(ChromeDriver browser) throws IOException {
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object'"))) {
            browser.executeScript(script());
        }
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']' : ''))}))))
                   .catch(e => done([{id: 'axe-error', impact: 'error', help: String(e), nodes: []}]));""", TAGS);
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            out.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("nodes") + " — " + v.get("help"));
        }
        return out;
    }

    private static synchronized String script() throws IOException {
        if (script == null) {
            try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException(
                            "axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return script;
    }
}
