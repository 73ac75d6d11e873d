package io.newswire.common.validation;

/**
 * The longest value each text field of an article may hold, in chars (the body's cap is in bytes, see
 * {@link ArticleValidator}). Far above what real news carries, far below what would strain a record, a
 * state store or a page: a field over its cap makes the article {@code too-large}.
 */
public final class FieldCaps {

    /** Ids are hashes (16-64 chars); 200 also bounds the record key, which stands in for a missing id. */
    public static final int ID_CHARS = 200;
    /** {@code rss:} and a feed URL. */
    public static final int SOURCE_CHARS = 2_100;
    /** The practical URL limit of browsers and CDNs. */
    public static final int URL_CHARS = 2_048;
    /** Headlines run to 100-300 chars; a title of thousands is a body in the wrong field. */
    public static final int TITLE_CHARS = 1_000;
    /** BCP 47 tags in practice (e.g. {@code zh-Hant-TW}); 35 is the longest registered form. */
    public static final int LANGUAGE_CHARS = 35;

    private FieldCaps() {
    }
}
