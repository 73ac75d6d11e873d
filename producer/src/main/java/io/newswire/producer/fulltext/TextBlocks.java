package io.newswire.producer.fulltext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A page's body as a flat list of text blocks (the text between two block-level boundaries) and of its elements
 * with their text statistics, built in one walk over the tree: the work is linear in the size of the page
 * whatever its shape (deep nesting, hundreds of thousands of paragraphs, one huge text node).
 */
final class TextBlocks {

    /** Elements whose start and end break the text into blocks. */
    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body",
            "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
            "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu",
            "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
            "ul", "caption", "html", "noscript", "legend", "option", "frameset", "frame");
    /** Elements that never hold readable text. */
    private static final Set<String> SKIPPED_TAGS = Set.of("script", "style", "noscript", "iframe", "template",
            "svg", "canvas", "math", "button", "input", "select", "textarea", "option", "object", "embed", "video",
            "audio", "map", "head", "title", "meta", "link", "dialog", "rt", "rp");
    /** Class or id fragments of parts that are not the article (Readability's "unlikely candidates", extended). */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "-ad-|^ad$|^ads$| ad$|^ad |^ad-| ad-|-ad$|adslot|adsense|ad-break|adbox|advert|agegate|ai2html|banner|breadcrumb|combx|comment|community|"
                    + "cookie|consent|cover-wrap|disqus|footer|gdpr|legends|menu|navbar|navigation|^nav$|nav-|-nav|"
                    + "related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|"
                    + "pagination|pager|popup|modal|newsletter|share|sharing|teaser-list|outbrain|taboola|"
                    + "byline|author-info|author-bio|author-desc|authorbox|author-box|about-author|abh_|entry-utility|"
                    + "(^|[-_])meta($|[-_])|caption|credit|(^|[-_])cta($|[-_])|disclaimer|affiliate|noprint|no-print|"
                    + "paywall|subscription|register|^contact$|embed|sharedaddy|jetpack|(^|[-_])likes?($|[-_])|"
                    + "post-meta|entry-meta|article-meta|meta-data|postmetadata|tags|tagcloud|"
                    + "subscribe|promo|print-only|skip-link|screen-reader|sr-only|jump-to|toolbar|"
                    + "signup|login|copyright|imprint|recommend|read-more|readmore|more-articles|also-read|"
                    + "yom-remote");
    /** Fragments that rescue a matching element: the article itself often carries "content" or "article". */
    private static final Pattern MAYBE_ARTICLE = Pattern.compile("and|article|body|column|content|main|shadow|entry|post|story|text");

    /** One element: where it starts and ends in the walk, and its text. */
    static final class Box {
        final Element element;
        final String tag;
        final Box parent;
        final int enter;
        int exit;
        int chars;
        int linkChars;
        int commas;
        double score;
        boolean scored;
        final boolean boilerplate;
        /** This element if it is a block, else the nearest block element around it. */
        final Box block;
        /** The innermost element around this one (itself included) that looks like boilerplate, or null. */
        final Box boilerplateAncestor;

        Box(Element element, Box parent, int enter, boolean boilerplate) {
            this.element = element;
            this.tag = element.normalName();
            this.parent = parent;
            this.enter = enter;
            this.boilerplate = boilerplate;
            this.block = BLOCK_TAGS.contains(tag) || parent == null ? this : parent.block;
            this.boilerplateAncestor = boilerplate ? this : parent == null ? null : parent.boilerplateAncestor;
        }

        boolean contains(Box other) {
            return other.enter >= enter && other.enter <= exit;
        }

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }

        String names() {
            return (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
        }
    }

    /** The text between two block boundaries; {@code owner} is the innermost block element around it. */
    record Block(String text, int linkChars, Box owner, Box boilerplateAncestor) {
    }

    /** Distinct class and id strings remembered per page (bounded: a hostile page may make each one unique). */
    private static final int MAX_CACHED_NAMES = 10_000;

    private final Map<String, Boolean> namesVerdicts = new HashMap<>();
    final List<Box> boxes = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();

    private TextBlocks() {
    }

    static TextBlocks of(Element body) {
        TextBlocks result = new TextBlocks();
        NodeTraversor.traverse(result.new Walker(), body);
        return result;
    }

    /** Whether the class or id names mark boilerplate; pages repeat their class names, so verdicts are cached. */
    private boolean looksLikeBoilerplate(Element element) {
        if (!element.hasAttr("class") && !element.hasAttr("id")) {
            return false;
        }
        String tag = element.normalName();
        if (tag.equals("body") || tag.equals("html") || tag.equals("article") || tag.equals("main")) {
            return false;
        }
        String names = element.attr("class") + " " + element.attr("id");
        Boolean verdict = namesVerdicts.get(names);
        if (verdict == null) {
            String lower = names.toLowerCase(Locale.ROOT).strip();
            // As Readability: an article-like word anywhere in the names rescues ("content-wrapper sidebar-included").
            verdict = false;
            boolean rescued = false;
            for (String name : lower.split("\\s+")) {
                // A name that says boilerplate is not rescued by its own article word ("entry-meta", "post-author-info").
                if (BOILERPLATE.matcher(name).find()) {
                    verdict = true;
                } else if (MAYBE_ARTICLE.matcher(name).find()) {
                    rescued = true;
                }
            }
            verdict &= !rescued;
            if (namesVerdicts.size() < MAX_CACHED_NAMES) {
                namesVerdicts.put(names, verdict);
            }
        }
        return verdict;
    }

    private final class Walker implements NodeVisitor {
        private Box current;
        private final StringBuilder text = new StringBuilder();
        private int linkDepth;
        private int skipDepth;
        private int blockLinkChars;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                if (skipDepth == 0) {
                    append(textNode.getWholeText());
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (skipDepth > 0 || SKIPPED_TAGS.contains(tag) || isHidden(element)) {
                skipDepth++;
                return;
            }
            if (tag.equals("br")) {
                append(" ");
                return;
            }
            boolean boilerplate = looksLikeBoilerplate(element) || isNonContentRole(element);
            Box box = new Box(element, current, boxes.size(), boilerplate);
            boxes.add(box);
            current = box;
            if (tag.equals("a")) {
                linkDepth++;
            }
            if (BLOCK_TAGS.contains(tag)) {
                flush(box.parent);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (skipDepth > 0) {
                skipDepth--;
                return;
            }
            if (tag.equals("br")) {
                return;
            }
            Box box = current;
            if (BLOCK_TAGS.contains(tag)) {
                flush(box);
            }
            if (tag.equals("a")) {
                linkDepth--;
            }
            box.exit = boxes.size() - 1;
            if (box.parent != null) {
                box.parent.chars += box.chars;
                box.parent.linkChars += box.linkChars;
                box.parent.commas += box.commas;
            }
            current = box.parent;
        }

        private void append(String raw) {
            int before = text.length();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\u00AD' || c == '\u200B') {
                    // Soft hyphens and zero-width spaces are invisible: words read as if they were not there.
                    continue;
                }
                if (Character.isWhitespace(c) || c == '\u00A0') {
                    if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                        text.append(' ');
                    }
                } else {
                    text.append(c);
                    if (c == ',' || c == '，' || c == '、' || c == '،') {
                        if (current != null) {
                            current.commas++;
                        }
                    }
                }
            }
            int added = text.length() - before;
            if (current != null) {
                current.chars += added;
                if (linkDepth > 0) {
                    current.linkChars += added;
                    blockLinkChars += added;
                }
            }
        }

        /** Ends the text collected so far as a block of {@code where}'s innermost block element. */
        private void flush(Box where) {
            String block = text.toString().strip();
            if (!block.isEmpty() && where != null) {
                blocks.add(new Block(block, blockLinkChars, where.block, where.boilerplateAncestor));
            }
            text.setLength(0);
            blockLinkChars = 0;
        }
    }

    private static boolean isHidden(Element element) {
        if (element.attributesSize() == 0) {
            return false;
        }
        if (element.hasAttr("hidden") || "true".equals(element.attr("aria-hidden"))) {
            return true;
        }
        if (!element.hasAttr("style")) {
            return false;
        }
        String style = element.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
        return style.contains("display:none") || style.contains("visibility:hidden");
    }

    private static boolean isNonContentRole(Element element) {
        String tag = element.normalName();
        String role = element.attributesSize() > 0 ? element.attr("role").toLowerCase(Locale.ROOT) : "";
        return role.equals("navigation") || role.equals("banner") || role.equals("contentinfo")
                || role.equals("complementary") || role.equals("dialog") || role.equals("alertdialog")
                || role.equals("menu") || role.equals("menubar")
                || tag.equals("nav") || tag.equals("aside") || tag.equals("footer") || tag.equals("form")
                || tag.equals("header") || tag.equals("figcaption");
    }
}
