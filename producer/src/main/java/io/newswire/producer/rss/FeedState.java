package io.newswire.producer.rss;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What newswire remembers about one feed between polls and across restarts: the validators for a
 * conditional GET and the keys of the items already acknowledged by Kafka, oldest first.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedState(String feedUrl, String etag, String lastModified, List<String> seen) {

    public FeedState {
        seen = seen == null ? List.of() : List.copyOf(seen);
    }

    public static FeedState empty(String feedUrl) {
        return new FeedState(feedUrl, null, null, List.of());
    }
}
