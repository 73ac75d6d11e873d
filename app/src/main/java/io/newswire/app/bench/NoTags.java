package io.newswire.app.bench;

import io.newswire.common.Article;
import io.newswire.common.Tags;
import io.newswire.streams.tagging.Tagger;

/**
 * The floor's tagger: finds nothing, at no cost. With it the pipeline still reads, validates, dates,
 * de-duplicates, writes and sinks every article through the same topics, hops and transactions, so the
 * floor run measures what the pipeline costs besides tagging (and besides counting topic-days, which
 * needs topics to count).
 */
final class NoTags implements Tagger {

    private static final Tags NONE = new Tags(null, null, null, null, null);

    @Override
    public Tags tag(Article article) {
        return NONE;
    }
}
