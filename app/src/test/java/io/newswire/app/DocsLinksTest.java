package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation a user reads: every relative link of the README, CONTRIBUTING and {@code docs/*.md}
 * names a file of the repository (and, with {@code #anchor}, a heading of that file), none of them points at
 * files outside it, and the README stays short.
 */
class DocsLinksTest {

    private static final int README_MAX_LINES = 200;
    /** {@code [text](target)} and {@code ![alt](target)}; the target ends at a space (a title) or ')'. */
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HTML_LINK = Pattern.compile("(?:href|src)=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    /** Files beside the checkout on a developer's machine, which a clone of the repository does not have. */
    private static final List<String> OUTSIDE = List.of("../shared", "DESIGN.md");

    private static final Path ROOT = repositoryRoot();

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            for (String target : links(doc)) {
                String problem = problem(doc, target);
                if (problem != null) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (" + problem + ")");
                }
            }
        }
        assertThat(broken).as("dangling links").isEmpty();
    }

    @Test
    void noDocumentPointsOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path doc : documents()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                for (String outside : OUTSIDE) {
                    if (lines.get(i).contains(outside)) {
                        found.add(ROOT.relativize(doc) + ":" + (i + 1) + ": " + outside);
                    }
                }
            }
        }
        assertThat(found).as("references to files a clone does not have").isEmpty();
    }

    @Test
    void theReadmeIsShort() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThanOrEqualTo(README_MAX_LINES);
    }

    @Test
    void theCheckFindsABrokenLinkAndAMissingAnchor() throws IOException {
        Path doc = ROOT.resolve("docs").resolve("reference.md");
        assertThat(problem(doc, "no-such-page.md")).isEqualTo("no such file");
        assertThat(problem(doc, "design.md#no-such-heading")).isEqualTo("no such heading");
        assertThat(problem(doc, "../../outside.md")).isEqualTo("outside the repository");
        assertThat(problem(doc, "design.md#topics")).isNull();
        assertThat(problem(doc, "#commands")).isNull();
    }

    @Test
    void headingsGiveGitHubAnchors() {
        assertThat(anchor("HTTP API of the dashboard")).isEqualTo("http-api-of-the-dashboard");
        assertThat(anchor("HTTP push (`produce http`, and `demo` on port 8081)"))
                .isEqualTo("http-push-produce-http-and-demo-on-port-8081");
        assertThat(anchor("Exactly once and dead letters")).isEqualTo("exactly-once-and-dead-letters");
    }

    /** Null when {@code target}, written in {@code doc}, resolves; else what is wrong with it. */
    private static String problem(Path doc, String target) throws IOException {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return null; // http:, https:, mailto: — not checked offline
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (fragment != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(fragment)) {
            return "no such heading";
        }
        return null;
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** Link targets outside fenced code blocks and inline code. */
    private static List<String> links(Path doc) throws IOException {
        List<String> targets = new ArrayList<>();
        for (String line : prose(doc)) {
            String text = line.replaceAll("`[^`]*`", "``");
            for (Pattern pattern : List.of(MARKDOWN_LINK, HTML_LINK)) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    targets.add(m.group(1));
                }
            }
        }
        return targets;
    }

    private static Set<String> anchors(Path doc) throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : prose(doc)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String base = anchor(m.group(1));
                String candidate = base;
                for (int n = 1; !anchors.add(candidate); n++) {
                    candidate = base + "-" + n; // GitHub numbers repeated headings
                }
            }
        }
        return anchors;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        String text = heading.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** The lines of a Markdown file outside its fenced code blocks. */
    private static List<String> prose(Path doc) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Tests run in app/; the repository's root is the folder with the README. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("README.md")) && Files.isDirectory(here.resolve("docs"))
                ? here : here.getParent();
    }
}
