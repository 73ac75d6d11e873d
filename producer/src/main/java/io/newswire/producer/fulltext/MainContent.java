package io.newswire.producer.fulltext;

import io.newswire.producer.fulltext.TextBlocks.Block;
import io.newswire.producer.fulltext.TextBlocks.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the article among a page's text blocks, the way Readability does: every paragraph of some length
 * scores its ancestors (more for commas and length, less the further up), class and id names weigh for or
 * against an element, the score shrinks with the share of link text; the best element and those of its
 * siblings that score close to it hold the article. Inside them, blocks that are mostly links or sit in
 * boilerplate (share bars, bylines, related links, comments) are dropped.
 */
final class MainContent {

    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story");
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|"
                    + "outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|author|caption|disclaimer");
    /** Blocks whose text scores their ancestors (list items and headings do not: menus are lists). */
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "div", "section", "article", "main",
            "blockquote", "font", "center", "dd", "body");
    private static final int MIN_PARAGRAPH = 25;
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final int ANCESTOR_LEVELS = 5;
    private static final int TOP_CANDIDATES = 5;
    private static final int MARKED_BODY_MIN_CHARS = 200;
    /** How much longer than the scored article the named container's text must be to replace it. */
    private static final double NAMED_CONTAINER_MARGIN = 1.2;
    private static final Set<String> CONTAINERS = Set.of("div", "ul", "ol", "table", "section", "dl", "aside", "nav");

    private MainContent() {
    }

    /** Below this many characters an attempt is retried with fewer rules (as Readability does). */
    private static final int ENOUGH_TEXT = 500;

    /**
     * The blocks of the article, in page order; empty when the page has no paragraph of text. A first attempt
     * ignores paragraphs in boilerplate-looking parts and weighs class names; when it finds little text, a
     * second one trusts neither, and the longer result wins.
     */
    static List<Block> select(TextBlocks page) {
        List<Block> best = List.of();
        int bestLength = -1;
        for (boolean strict : new boolean[] {true, false}) {
            List<Block> attempt = attempt(page, strict);
            int length = length(attempt);
            if (length > bestLength) {
                best = attempt;
                bestLength = length;
            }
            if (length >= ENOUGH_TEXT) {
                break;
            }
        }
        List<Block> baseline = proseBaseline(page);
        if (length(baseline) > BASELINE_MARGIN * bestLength) {
            best = baseline;
        }
        List<Block> trimmed = withoutTrailer(best);
        return withComments(page, trimmed);
    }

    /** Characters that end a sentence (or a quotation or parenthesis closing one), in Latin and CJK scripts. */
    private static final String SENTENCE_END = ".!?…\"“”»)。！？";
    /** Longest trailing line dropped as a trailer. */
    private static final int MAX_TRAILER = 300;
    private static final int MAX_TRAILERS = 3;
    /** Longest last line with a link dropped as a call to action. */
    private static final int MAX_LINKED_TRAILER = 150;

    /**
     * The article without its trailer: the last block goes when it sits in a container of its own (not beside the
     * block before it), is short and does not end a sentence — a source line, a print button, a date, a contact
     * line, "more about the author". Up to {@value #MAX_TRAILERS} such blocks are dropped from the end.
     */
    private static List<Block> withoutTrailer(List<Block> article) {
        int end = article.size();
        for (int dropped = 0; dropped < MAX_TRAILERS && end >= 2; dropped++) {
            Block last = article.get(end - 1);
            String text = last.text();
            if (text.endsWith(":") && text.length() < MAX_TRAILER
                    || dropped == 0 && last.linkChars() > 0 && text.length() < MAX_LINKED_TRAILER) {
                // A line that announces what follows, at the end: what it announced was not kept. A short last line
                // with a link is a call to action (follow us, subscribe, more at, read on), not the article's end.
                end--;
                continue;
            }
            if (last.owner().parent == article.get(end - 2).owner().parent || text.length() >= MAX_TRAILER
                    || SENTENCE_END.indexOf(text.charAt(text.length() - 1)) >= 0) {
                break;
            }
            end--;
        }
        return end == article.size() ? article : article.subList(0, end);
    }

    /** Blocks of prose the baseline keeps: paragraphs, quotes, code, cells and list items, not headings. */
    private static final Set<String> PROSE = Set.of("p", "blockquote", "pre", "div", "td", "li", "dd");
    /** Shortest block the baseline keeps: shorter lines outside the article are mostly labels and links. */
    private static final int BASELINE_MIN_BLOCK = 50;
    /** How many times longer than the article found the baseline must be to replace it. */
    private static final double BASELINE_MARGIN = 2;

    /**
     * trafilatura's fallback comparison: every block of prose on the page outside boilerplate-looking parts, with
     * few links. When the article found is much shorter than this, the scoring went wrong (a short box outscored
     * an article spread over many containers) and the baseline is the better answer.
     */
    private static List<Block> proseBaseline(TextBlocks page) {
        List<Block> baseline = new ArrayList<>();
        for (Block block : page.blocks) {
            int length = block.text().length();
            if (block.boilerplateAncestor() == null && length >= BASELINE_MIN_BLOCK && block.linkChars() * 3 <= length
                    && PROSE.contains(block.owner().tag)) {
                baseline.add(block);
            }
        }
        return baseline;
    }

    /** Class or id of the element holding one reader comment's text (WordPress, Disqus-like themes). */
    private static final Pattern COMMENT_BODY = Pattern.compile("comment[-_]?(content|body|text)");

    /**
     * Reader comments after the article, as trafilatura keeps them: the prose of elements named as a comment's
     * body, not the comment form, the commenters' names or the reply links around it.
     */
    private static List<Block> withComments(TextBlocks page, List<Block> article) {
        if (article.isEmpty()) {
            return article;
        }
        // Parents come before their children in the walk, so one pass marks every element inside a comment body.
        boolean[] inComment = new boolean[page.boxes.size()];
        for (Box box : page.boxes) {
            inComment[box.enter] = box.parent != null && inComment[box.parent.enter]
                    || box.element.attributesSize() > 0 && COMMENT_BODY.matcher(box.names()).find();
        }
        Block last = article.get(article.size() - 1);
        List<Block> result = article;
        boolean afterArticle = false;
        for (Block block : page.blocks) {
            if (block == last) {
                afterArticle = true;
                continue;
            }
            int length = block.text().length();
            if (afterArticle && inComment[block.owner().enter] && length >= MIN_PARAGRAPH
                    && block.linkChars() * 2 <= length && !isHeading(block) && !block.owner().tag.equals("li")) {
                if (result == article) {
                    result = new ArrayList<>(article);
                }
                result.add(block);
            }
        }
        return result;
    }

    static int length(List<Block> blocks) {
        int length = 0;
        for (Block block : blocks) {
            length += block.text().length();
        }
        return length;
    }

    private static List<Block> attempt(TextBlocks page, boolean strict) {
        List<Box> candidates = scoreCandidates(page, strict);
        if (page.boxes.isEmpty()) {
            return List.of();
        }
        Box top = strict ? markedArticleBody(page) : null;
        if (top == null && !candidates.isEmpty()) {
            top = promote(candidates);
        }
        // No paragraph long enough to score anything (a page of short lines): the whole body, boilerplate pruned.
        List<Box> roots = top == null ? List.of(page.boxes.get(0)) : withSiblings(top, page);
        List<Block> kept = keptBlocks(page, roots);
        kept = top == null ? kept : withLead(page, roots.get(0), kept);
        if (strict) {
            // The container the page names as its article, when it holds clearly more text than the scoring found
            // (an article split over containers that do not all score, or a long comment or box that outscored it).
            Box named = ArticleContainers.find(page, MARKED_BODY_MIN_CHARS);
            if (named != null && named != top) {
                List<Block> namedKept = withLead(page, named, keptBlocks(page, List.of(named)));
                if (length(namedKept) > NAMED_CONTAINER_MARGIN * length(kept)) {
                    return namedKept;
                }
            }
        }
        return kept;
    }

    /** Shortest standfirst kept: shorter lines between the headline and the body are datelines and bylines. */
    private static final int MIN_LEAD = 50;
    /** At most this many blocks between the headline and the body are looked at. */
    private static final int MAX_LEAD_BLOCKS = 12;

    /**
     * The standfirst: prose between the page's headline ({@code <h1>}) and the article body, which sites put in
     * a header or teaser container beside the body rather than in it. Only blocks of sentence length with few
     * links, outside boilerplate-named parts (a {@code <header>} element itself is no reason to drop them).
     */
    private static List<Block> withLead(TextBlocks page, Box first, List<Block> kept) {
        int headline = -1;
        int start = -1;
        for (int i = 0; i < page.blocks.size(); i++) {
            Box owner = page.blocks.get(i).owner();
            if (owner.enter >= first.enter) {
                start = i;
                break;
            }
            if (owner.tag.equals("h1")) {
                headline = i;
            }
        }
        if (headline < 0 || start < 0 || start - headline > MAX_LEAD_BLOCKS + 1) {
            return kept;
        }
        List<Block> lead = new ArrayList<>();
        for (int i = headline + 1; i < start; i++) {
            Block block = page.blocks.get(i);
            Box boilerplate = block.boilerplateAncestor();
            int length = block.text().length();
            if (length >= MIN_LEAD && block.linkChars() * 4 <= length && !block.owner().tag.equals("li")
                    && (boilerplate == null || boilerplate.tag.equals("header") || boilerplate.tag.equals("hgroup"))) {
                lead.add(block);
            }
        }
        if (lead.isEmpty()) {
            return kept;
        }
        lead.addAll(kept);
        return lead;
    }

    /** Readability's scoring: each long paragraph adds to its ancestors; ranked best first, link-dense ones down. */
    private static List<Box> scoreCandidates(TextBlocks page, boolean strict) {
        for (Box box : page.boxes) {
            box.scored = false;
            box.score = 0;
        }
        List<Box> candidates = new ArrayList<>();
        for (Block block : page.blocks) {
            if (strict && block.boilerplateAncestor() != null || !SCORED.contains(block.owner().tag)
                    || block.text().length() < MIN_PARAGRAPH) {
                continue;
            }
            double contentScore = 1 + commas(block.text()) + Math.min(block.text().length() / 100, 3);
            Box ancestor = block.owner().parent;
            for (int level = 0; ancestor != null && level < ANCESTOR_LEVELS; level++, ancestor = ancestor.parent) {
                if (!ancestor.scored) {
                    ancestor.scored = true;
                    ancestor.score = initialScore(ancestor, strict);
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                ancestor.score += contentScore / divider;
            }
        }
        for (Box candidate : candidates) {
            candidate.score *= 1 - candidate.linkDensity();
        }
        candidates.sort((a, b) -> Double.compare(b.score, a.score));
        return candidates;
    }

    /** The blocks under the chosen roots that are kept, in page order. */
    private static List<Block> keptBlocks(TextBlocks page, List<Box> roots) {
        List<Block> article = new ArrayList<>();
        Block heading = null;
        for (Block block : page.blocks) {
            Box root = rootOf(block.owner(), roots);
            if (root == null) {
                continue;
            }
            boolean kept = keep(block, root);
            if (!kept && isCaption(block)) {
                // A picture's caption between a heading and its text says nothing about whether the text stays.
                continue;
            }
            // A heading stays only when the text it heads stays ("Related stories" over a dropped list goes).
            if (heading != null && kept && !isHeading(block)) {
                article.add(heading);
            }
            heading = null;
            if (kept && isHeading(block)) {
                heading = block;
            } else if (kept) {
                article.add(block);
            }
        }
        return article;
    }

    /**
     * Readability's moves up from the best element: to an ancestor that holds at least three of the five best
     * when they score close to the best; to a parent that scores higher (more text lies beside it); and past
     * parents of which it is the only child.
     */
    private static Box promote(List<Box> ranked) {
        Box top = towardsCloseCandidates(ranked);
        top = towardsRicherParent(top);
        while (top.parent != null && !top.parent.tag.equals("body") && top.parent.element.childrenSize() == 1) {
            top = top.parent;
        }
        return top;
    }

    /** The best element, or its nearest ancestor holding three of the runners-up that score close to it. */
    private static Box towardsCloseCandidates(List<Box> ranked) {
        Box top = ranked.get(0);
        List<Box> close = new ArrayList<>();
        for (int i = 1; i < Math.min(TOP_CANDIDATES, ranked.size()); i++) {
            if (ranked.get(i).score / top.score >= 0.75) {
                close.add(ranked.get(i));
            }
        }
        if (close.size() >= 3) {
            for (Box ancestor = top.parent; ancestor != null && !ancestor.tag.equals("body"); ancestor = ancestor.parent) {
                int holding = 0;
                for (Box other : close) {
                    holding += ancestor.contains(other) ? 1 : 0;
                }
                if (holding >= 3) {
                    return ancestor;
                }
            }
        }
        return top;
    }

    /** A scored parent above {@code top} that scores higher, walking up while parents keep a third of the score. */
    private static Box towardsRicherParent(Box top) {
        if (top.score > 0) {
            double lastScore = top.score;
            double threshold = lastScore / 3;
            for (Box parent = top.parent; parent != null && !parent.tag.equals("body"); parent = parent.parent) {
                if (!parent.scored) {
                    continue;
                }
                if (parent.score < threshold) {
                    break;
                }
                if (parent.score > lastScore) {
                    top = parent;
                    break;
                }
                lastScore = parent.score;
            }
        }
        return top;
    }

    /** The element the page marks as its article body (schema.org microdata), when it holds real text. */
    private static Box markedArticleBody(TextBlocks page) {
        for (Box box : page.boxes) {
            if (box.chars >= MARKED_BODY_MIN_CHARS && "articleBody".equals(box.element.attr("itemprop"))) {
                return box;
            }
        }
        return null;
    }

    private static List<Box> withSiblings(Box top, TextBlocks page) {
        Box parent = top.parent;
        if (parent == null) {
            return List.of(top);
        }
        double threshold = Math.max(10, top.score * 0.2);
        String topClass = top.element.className();
        List<Box> roots = new ArrayList<>();
        // The parent's children are the boxes of its range whose parent it is (the range is walked once).
        for (int i = parent.enter + 1; i <= parent.exit; i++) {
            Box box = page.boxes.get(i);
            if (box.parent != parent || box.chars == 0) {
                continue;
            }
            double bonus = !topClass.isEmpty() && topClass.equals(box.element.className()) ? top.score * 0.2 : 0;
            if (box == top || box.scored && box.score + bonus >= threshold || isArticleParagraph(box)) {
                roots.add(box);
            }
        }
        return roots;
    }

    /** A sibling that reads as part of the article: a long paragraph (or list, table, quote) with few links, or a short full sentence. */
    private static final Set<String> PROSE_SIBLINGS = Set.of("ul", "ol", "table", "blockquote", "pre");

    private static boolean isArticleParagraph(Box box) {
        if (box.boilerplateAncestor != null) {
            return false;
        }
        if (!box.tag.equals("p")) {
            // A list, table, quotation or code block beside the article, with prose rather than links, belongs to it.
            return PROSE_SIBLINGS.contains(box.tag) && box.chars > 80 && box.linkDensity() < 0.25;
        }
        double linkDensity = box.linkDensity();
        return box.chars > 80 && linkDensity < 0.25
                || box.chars < 80 && linkDensity == 0 && endsASentence(box.element.text());
    }

    private static boolean endsASentence(String text) {
        return text.matches("(?s).*\\.( .*|$)");
    }

    /** The root holding {@code owner}; roots are disjoint and in page order, so a binary search finds it. */
    private static Box rootOf(Box owner, List<Box> roots) {
        int low = 0;
        int high = roots.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Box root = roots.get(middle);
            if (root.enter > owner.enter) {
                high = middle - 1;
            } else if (root.exit < owner.enter) {
                low = middle + 1;
            } else {
                return root;
            }
        }
        return null;
    }

    private static boolean isCaption(Block block) {
        Box boilerplate = block.boilerplateAncestor();
        return boilerplate != null && (boilerplate.tag.equals("figcaption") || boilerplate.names().contains("caption"));
    }

    private static boolean isHeading(Block block) {
        return HEADINGS.contains(block.owner().tag);
    }

    private static boolean keep(Block block, Box root) {
        if (block.owner().tag.equals("h1")) {
            // The page's title: a field of its own, not a paragraph of the text.
            return false;
        }
        Box boilerplate = block.boilerplateAncestor();
        if (boilerplate != null && boilerplate != root && root.contains(boilerplate)) {
            return false;
        }
        if (inLinkList(block.owner(), root)) {
            return false;
        }
        int length = block.text().length();
        // A paragraph that is one link inside the article is usually a source or a petition, not navigation.
        if (block.owner().tag.equals("p") && block.linkChars() == length && length > 3 && !block.text().contains(" ")) {
            return true;
        }
        return block.linkChars() * 2 <= length;
    }

    /** Whether a container between the block and the root is mostly links with little prose (a list of teasers). */
    private static boolean inLinkList(Box owner, Box root) {
        int steps = 0;
        for (Box box = owner; box != null && box != root && steps < 12; box = box.parent, steps++) {
            if (CONTAINERS.contains(box.tag) && box.commas < 10) {
                double linkDensity = box.linkDensity();
                if (linkDensity > 0.4 || linkDensity > 0.2 && classWeight(box.element) < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double initialScore(Box box, boolean weighClasses) {
        double score = switch (box.tag) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return weighClasses ? score + classWeight(box.element) : score;
    }

    private static int classWeight(Element element) {
        int weight = 0;
        String className = element.className().toLowerCase(Locale.ROOT);
        if (!className.isEmpty()) {
            weight += NEGATIVE.matcher(className).find() ? -25 : 0;
            weight += POSITIVE.matcher(className).find() ? 25 : 0;
        }
        String id = element.id().toLowerCase(Locale.ROOT);
        if (!id.isEmpty()) {
            weight += NEGATIVE.matcher(id).find() ? -25 : 0;
            weight += POSITIVE.matcher(id).find() ? 25 : 0;
        }
        return weight;
    }

    private static int commas(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                commas++;
            }
        }
        return commas;
    }
}
