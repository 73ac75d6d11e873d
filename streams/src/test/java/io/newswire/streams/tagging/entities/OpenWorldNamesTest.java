package io.newswire.streams.tagging.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.EntityMention;
import io.newswire.streams.tagging.LuceneTagger;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenWorldNamesTest {

    private static final LuceneTagger TAGGER = LuceneTagger.withDefaults();

    private static List<String> entityIds(String title, String body) {
        return TAGGER.tag(new Article(1, "t", "test", null, title, body, null, null, "en")).entities().stream()
                .map(EntityMention::id).toList();
    }

    @Test
    void shouldKeepAnOrganisationWhoseNameEndsOnAGazetteerPlace() {
        List<String> ids = entityIds("", "Air New Zealand raised fares, and the Reserve Bank of New Zealand "
                + "left rates unchanged.");

        assertThat(ids).contains("air-new-zealand", "reserve-bank-of-new-zealand", "new-zealand");
    }

    @Test
    void shouldNotTakeAWordOfAHeadlineInCapitalsForAName() {
        List<String> ids = entityIds("MEETING OF THE COUNCIL OF MINISTERS OF RUSSIA AND BELARUS",
                "The ministers met in Minsk on Tuesday.");

        assertThat(ids).doesNotContain("council", "meeting", "ministers");
    }

    @Test
    void shouldJoinALaterSurnameToTheFullNameOfAPersonTheGazetteerDoesNotKnow() {
        List<String> ids = entityIds("", "Opposition leader Michael Howard spoke in Leeds. Mr Howard said taxes "
                + "would fall. Howard later left.");

        assertThat(ids).contains("michael-howard").doesNotContain("howard");
    }
}
