package io.newswire.producer.rss;

import java.time.Instant;

/**
 * One entry of a feed, its HTML already turned into text.
 *
 * @param key what identifies the item within its feed: the GUID (Atom id), else the link, else the title
 * @param fullText true when the feed carries the article itself (content:encoded, Atom content or a long
 *     description), false when it is only a summary worth replacing with the linked page's text
 */
public record FeedItem(String key, String link, String title, String text, boolean fullText, Instant publishedAt) {
}
