package io.newswire.streams.tagging.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newswire.common.Article;
import java.util.List;

/**
 * One labelled article of a gold file (JSON lines): the text and what a careful reader tags in it.
 *
 * @param quantities value and unit; the text of a quantity is not judged
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoldArticle(String id, String title, String body, List<String> topics, List<String> entities,
                          List<GoldQuantity> quantities) {

    /** A labelled quantity: 11000 / soldiers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GoldQuantity(double value, String unit) {
    }

    public GoldArticle {
        topics = topics == null ? List.of() : List.copyOf(topics);
        entities = entities == null ? List.of() : List.copyOf(entities);
        quantities = quantities == null ? List.of() : List.copyOf(quantities);
    }

    public Article article() {
        return new Article(Article.SCHEMA_VERSION, id, "gold", null, title, body, null, null, "en");
    }
}
