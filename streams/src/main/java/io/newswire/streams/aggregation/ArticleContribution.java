package io.newswire.streams.aggregation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newswire.common.EntityMention;
import io.newswire.common.TaggedArticle;
import java.time.Instant;
import java.util.List;

/**
 * What one article adds to the summary of a (topic, day): its id, source, title, entity ids and time, not its
 * body.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleContribution(String articleId, String source, String title, List<String> entityIds,
                                  Instant ingestedAt) {

    public static ArticleContribution of(TaggedArticle article) {
        return new ArticleContribution(article.id(), article.source(), article.title(),
                article.entities().stream().map(EntityMention::id).toList(), article.ingestedAt());
    }
}
