package io.newswire.streams.tagging.desks;

import io.newswire.streams.training.desks.DeskTrainer;
import io.newswire.streams.training.desks.DeskTrainingSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.newswire.common.Article;
import io.newswire.common.Tags;
import io.newswire.common.TopicScore;
import io.newswire.streams.tagging.Tagger;
import io.newswire.streams.training.desks.SmallLabelledSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeskTaggerTest {

    private static DeskModel model;
    private final Tagger taxonomy = article -> Tags.topicsOnly(List.of(new TopicScore("football", 3)));

    @BeforeAll
    static void train() {
        try (DeskTrainer trainer = new DeskTrainer(DeskTrainingSettings.defaults(42), Clock.systemUTC())) {
            model = trainer.train(SmallLabelledSet.articles(15, 1));
        }
    }

    private static Article article(String title, String body) {
        return Article.create("seed", null, title, body, null, Instant.EPOCH, "en");
    }

    @Test
    void shouldAddTheDeskBesideTheTaxonomyTopicsAndStampTheModelVersion() {
        DeskTagger tagger = new DeskTagger(taxonomy, model);

        Tags tags = tagger.tag(article("Striker scores in cup final", "The team won the match; the coach praised "
                + "the striker and the league season."));

        assertThat(tags.topics()).extracting(TopicScore::id).containsExactly("football", "desk-sport");
        assertThat(tags.topics().get(1).score()).isBetween(0.5, 1.0);
        assertThat(tags.modelVersion()).isEqualTo(model.info().version()).startsWith("desks-");
    }

    @Test
    void shouldAddNoDeskWhenNoneIsLikelyEnough() {
        DeskTagger tagger = new DeskTagger(taxonomy, model, 1.01);

        Tags tags = tagger.tag(article("Bank profit", "Shares and earnings."));

        assertThat(tags.topics()).extracting(TopicScore::id).containsExactly("football");
        assertThat(tags.modelVersion()).isEqualTo(model.info().version());
    }

    @Test
    void shouldMakeTopicIdsThatAreSlugs() {
        assertThat(DeskTagger.topicId("Business")).isEqualTo("desk-business");
        assertThat(DeskTagger.topicId("Science & Health")).isEqualTo("desk-science-health");
    }
}
