package io.newswire.app.dashboard;

import com.fasterxml.jackson.core.type.TypeReference;
import io.newswire.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (a pinned copy in the test resources, so nothing is downloaded) run on the page a browser shows:
 * the WCAG 2.0 and 2.1 A and AA rules, reporting the violations of impact serious or critical.
 */
final class Axe {

    private static final String SOURCE = load("/axe/axe.min.js");
    private static final String RUN = "const done = arguments[arguments.length - 1];"
            + "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },"
            + "  resultTypes: ['violations'] })"
            + ".then(r => done(JSON.stringify(r.violations"
            + "  .filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + "  .map(v => v.impact + ' ' + v.id + ' (' + v.help + '): '"
            + "    + v.nodes.map(n => n.target.join(' ')).join(', ')))))"
            + ".catch(e => done(JSON.stringify(['axe could not run: ' + e])));";

    private Axe() {
    }

    /** One line per serious or critical violation on the current page: impact, rule, help, elements. */
    static List<String> seriousViolations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(SOURCE);
        }
        String json = (String) js.executeAsyncScript(RUN);
        try {
            return Json.mapper().readValue(json, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable axe result: " + json, e);
        }
    }

    private static String load(String resource) {
        try (InputStream in = Axe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
