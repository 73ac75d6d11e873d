package io.newswire.streams.tagging;

import io.newswire.common.Article;
import io.newswire.common.EntityMention;
import io.newswire.common.Quantity;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import io.newswire.streams.tagging.analysis.AnalyzedText;
import io.newswire.streams.tagging.analysis.NewsAnalyzer;
import io.newswire.streams.tagging.analysis.Vocabulary;
import io.newswire.streams.tagging.entities.EntityMatcher;
import io.newswire.streams.tagging.entities.Gazetteer;
import io.newswire.streams.tagging.entities.names.NameFinder;
import io.newswire.streams.tagging.keyphrases.DocumentFrequencies;
import io.newswire.streams.tagging.keyphrases.KeyphraseExtractor;
import io.newswire.streams.tagging.keyphrases.WordClasses;
import io.newswire.streams.tagging.quantities.QuantityExtractor;
import io.newswire.streams.tagging.taxonomy.Taxonomy;
import io.newswire.streams.tagging.taxonomy.TopicMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The newswire tagger: analyses each article once with Lucene ({@link NewsAnalyzer}) and hands the same
 * tokens to the topic matcher (taxonomy phrases on stems), the entity matcher (gazetteer aliases on
 * lowercased tokens), the quantity extractor and the keyphrase extractor.
 *
 * <p>Thread-safe: the matchers are immutable; each thread reuses its own token buffers. Every tag depends
 * on the article alone (keyphrase document frequencies are a fixed reference, not learned from the stream),
 * so a replay, a reprocess or another instance gives the same tags. The name model (persons,
 * organisations and places the gazetteer does not know) can be left out for speed.
 */
public final class LuceneTagger implements Tagger {

    static final int KEYPHRASES_PER_ARTICLE = 5;

    private final NewsAnalyzer analyzer = new NewsAnalyzer();
    private final Vocabulary stems = new Vocabulary();
    private final Vocabulary words = new Vocabulary();
    private final TopicMatcher topics;
    private final EntityMatcher entities;
    private final QuantityExtractor quantities = new QuantityExtractor();
    private final KeyphraseExtractor keyphrases;
    private final ThreadLocal<Work> work;

    /** What one thread reuses from article to article. */
    private final class Work {
        // The keyphrase extractor's word classes and IDF are worked out once per distinct word, with its stem.
        final AnalyzedText text = new AnalyzedText(keyphrases);
        final TopicMatcher.Scratch topicScratch = topics.newScratch();
        final EntityMatcher.Scratch entityScratch = entities.newScratch();
    }

    /** The tagger with the shipped name model finding the names the gazetteer does not know. */
    public LuceneTagger(Taxonomy taxonomy, Gazetteer gazetteer) {
        this(taxonomy, gazetteer, NameFinder.withDefaultModel());
    }

    /**
     * @param names the model for names the gazetteer does not know, or null to find only the gazetteer's
     */
    public LuceneTagger(Taxonomy taxonomy, Gazetteer gazetteer, NameFinder names) {
        this.topics = new TopicMatcher(taxonomy, stems, this::phraseStems);
        this.entities = new EntityMatcher(gazetteer, words, this::lowercaseTokens, names);
        this.keyphrases = new KeyphraseExtractor(DocumentFrequencies.defaultFrequencies(), WordClasses.defaultClasses(),
                KEYPHRASES_PER_ARTICLE);
        this.work = ThreadLocal.withInitial(Work::new);
    }

    /** The taxonomy and gazetteer shipped in the jar. */
    public static LuceneTagger withDefaults() {
        return new LuceneTagger(Taxonomy.defaultTaxonomy(), Gazetteer.defaultGazetteer());
    }

    @Override
    public Tags tag(Article article) {
        return tag(article, null);
    }

    /**
     * Tags the article and hands its analysed text to {@code alsoRead} too (valid until this thread's next
     * article): one analysis for the tagger and another reader of the same tokens, such as the desk model.
     */
    public Tags tag(Article article, Consumer<AnalyzedText> alsoRead) {
        Work w = work.get();
        analyze(article, w.text);
        if (alsoRead != null) {
            alsoRead.accept(w.text);
        }
        List<TopicScore> topicScores = topics.match(w.text, w.topicScratch);
        List<EntityMention> mentions = entities.match(w.text, w.entityScratch);
        // after the entities: a quantity's subject names the entity its words belong to ("DPRK troops")
        List<Quantity> claims = quantities.extract(w.text, i -> entities.entityIdAt(w.entityScratch, i));
        return new Tags(topicScores, mentions, keyphrases.extract(w.text), claims, null);
    }

    /** Every topic's score for the article, in taxonomy order, whether it reaches its threshold or not. */
    public double[] topicScores(Article article) {
        Work w = work.get();
        analyze(article, w.text);
        topics.match(w.text, w.topicScratch);
        return topics.lastScores(w.topicScratch);
    }

    public List<String> topicIds() {
        return topics.topicIds();
    }

    private void analyze(Article article, AnalyzedText text) {
        text.analyzeArticle(analyzer, article.title(), article.body(), stems, words);
    }

    /** A taxonomy phrase as the stems of its words. */
    private List<String> phraseStems(String phrase) {
        AnalyzedText text = new AnalyzedText();
        text.analyze(analyzer, phrase, 0, new Vocabulary(), new Vocabulary());
        List<String> result = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            result.add(text.stem(i));
        }
        return result;
    }

    /** A gazetteer alias as its lowercased tokens, stop words included ("Institute for the Study of War"). */
    private List<String> lowercaseTokens(String name) {
        AnalyzedText text = new AnalyzedText();
        text.analyze(analyzer, name, 0, new Vocabulary(), new Vocabulary());
        List<String> result = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            result.add(text.lower(i));
        }
        return result;
    }
}
