package io.newswire.producer.fulltext;

import io.newswire.producer.fulltext.TextBlocks.Box;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The element a page names as its article: content-management systems mark the article body with class or id
 * names such as {@code entry-content}, {@code article-body} or {@code story-content}. The names are
 * trafilatura's, in its order of trust: the most specific first, then the first {@code <article>}, then looser
 * names, then {@code main}. Each tier's first element (in page order) with enough text is the tier's answer.
 */
final class ArticleContainers {

    private static final Set<String> CONTAINER_TAGS = Set.of("article", "div", "main", "section");
    /** Tier 1: class names that say "the body of the post" (ids: the same but the first two). */
    private static final Pattern POST_BODY = Pattern.compile(
            "^post$|^entry$|post-text|post_text|post-body|post-entry|postentry|post-content|post_content|postcontent|"
                    + "post_inner_wrapper|article-text|articletext|entry-content|article-content|article__content|"
                    + "article-body|article__body|articlebody|articlecontent|page-content|text-content|body-text|"
                    + "article__container|art-content");
    /** Tier 3: looser class names of a story's body. */
    private static final Pattern STORY_BODY = Pattern.compile(
            "post-bodycopy|storycontent|story-content|theme-content|blog-content|section-content|single-content|"
                    + "single-post|main-column|wpb_text_column|story-body|field-body|fulltext|"
                    + "^postarea$|^art-postcontent$|^article |^text$|^cell$|^story$");
    /** Tier 3: looser ids of a story's body. */
    private static final Pattern STORY_ID = Pattern.compile("story-body|^primary|^article$|^story$");
    /** Tier 4: names of the page's main content area. */
    private static final Pattern CONTENT_AREA = Pattern.compile(
            "content-main|content_main|content-body|contentbody|content__body|main-content|page-content|^content$");
    private static final int TIERS = 5;
    private static final int MAX_CACHED_NAMES = 10_000;

    private ArticleContainers() {
    }

    /** The named article container, or null when the page names none holding at least {@code minChars}. */
    static Box find(TextBlocks page, int minChars) {
        Box[] firstOfTier = new Box[TIERS];
        Map<String, Integer> tiers = new HashMap<>();
        for (Box box : page.boxes) {
            if (box.chars < minChars || !CONTAINER_TAGS.contains(box.tag)) {
                continue;
            }
            int tier = cachedTier(box, tiers);
            if (tier < TIERS && firstOfTier[tier] == null) {
                firstOfTier[tier] = box;
            }
        }
        for (Box box : firstOfTier) {
            if (box != null) {
                return box;
            }
        }
        return null;
    }

    /** 0 (most trusted) to 4, or {@link #TIERS} for an element that names no article. */
    private static int cachedTier(Box box, Map<String, Integer> cache) {
        String className = box.element.className();
        String id = box.element.id();
        String role = box.element.attributesSize() > 0 ? box.element.attr("role") : "";
        String key = className + "\u0000" + id + "\u0000" + role + "\u0000" + box.tag;
        Integer cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        int tier = tier(box, className.toLowerCase(Locale.ROOT), id.toLowerCase(Locale.ROOT), role);
        if (cache.size() < MAX_CACHED_NAMES) {
            cache.put(key, tier);
        }
        return tier;
    }

    private static int tier(Box box, String cls, String id, String role) {
        if (POST_BODY.matcher(cls).find() || !id.equals("post") && !id.equals("entry") && POST_BODY.matcher(id).find()
                || "articleBody".equals(box.element.attr("itemprop"))) {
            return 0;
        }
        if (box.tag.equals("article")) {
            return 1;
        }
        if (STORY_BODY.matcher(cls).find() || STORY_ID.matcher(id).find() || role.equals("article")) {
            return 2;
        }
        if (CONTENT_AREA.matcher(cls).find() || CONTENT_AREA.matcher(id).find()) {
            return 3;
        }
        boolean main = cls.startsWith("main") || id.startsWith("main") || role.startsWith("main") || box.tag.equals("main");
        return main ? 4 : TIERS;
    }
}
