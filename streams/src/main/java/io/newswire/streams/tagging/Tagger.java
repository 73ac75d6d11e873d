package io.newswire.streams.tagging;

import io.newswire.common.Article;
import io.newswire.common.Tags;

/** Finds what an article is about. Implementations are thread-safe and do no I/O per article. */
public interface Tagger {

    Tags tag(Article article);
}
