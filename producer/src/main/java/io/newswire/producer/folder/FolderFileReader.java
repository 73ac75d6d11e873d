package io.newswire.producer.folder;

import io.newswire.common.Article;
import io.newswire.producer.IncomingArticles;
import io.newswire.producer.InvalidArticleException;
import io.newswire.producer.fulltext.ArticleTextExtractor;
import io.newswire.producer.seeds.SeedParser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The articles in one dropped file, by extension: {@code .txt} in the seed format ({@link SeedParser}),
 * {@code .json} one {@code Article} or an array of them, {@code .html} a web page whose article text is
 * extracted. Every article gets the source label {@code folder}.
 */
public final class FolderFileReader {

    public static final String SOURCE = "folder";

    private final Clock clock;
    private final SeedParser seedParser;
    private final IncomingArticles json;
    private final ArticleTextExtractor extractor = new ArticleTextExtractor();

    public FolderFileReader(Clock clock) {
        this.clock = clock;
        this.seedParser = new SeedParser(clock);
        this.json = new IncomingArticles(SOURCE, clock);
    }

    /** True for the file types this reader understands; others are left alone. */
    public static boolean handles(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".json") || name.endsWith(".html") || name.endsWith(".htm");
    }

    public List<Article> read(String fileName, byte[] content) throws InvalidArticleException {
        String name = fileName.toLowerCase(Locale.ROOT);
        // Text and JSON files are UTF-8; a stray invalid byte becomes U+FFFD rather than losing the article.
        String text = name.endsWith(".json") || name.endsWith(".txt") ? new String(content, StandardCharsets.UTF_8) : null;
        if (name.endsWith(".json")) {
            return json.parseOneOrMany(text);
        }
        if (name.endsWith(".txt")) {
            Article seed = seedParser.parse(text);
            return List.of(json.canonical(seed));
        }
        // A page is decoded as a browser would: BOM, <meta charset>, else UTF-8 or windows-1252 by its bytes.
        ArticleTextExtractor.Extracted page = extractor.extract(content, null, null);
        Article article = Article.create(SOURCE, page.canonicalUrl(), page.title() == null ? "" : page.title(),
                page.text(), page.publishedAt(), clock.instant(), languageOf(page));
        return List.of(json.canonical(article));
    }

    /** The page's primary language subtag ("de" for "de-AT"), English when it declares none. */
    private static String languageOf(ArticleTextExtractor.Extracted page) {
        String language = page.language();
        if (language == null) {
            return "en";
        }
        int dash = language.indexOf('-');
        return dash < 0 ? language : language.substring(0, dash);
    }
}
